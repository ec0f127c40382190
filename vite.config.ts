import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Each built script, style and page also as .br and .gz beside it: the server sends the one the browser accepts
 * (@fastify/static preCompressed), a third of the bytes over an office's network, compressed once at build time.
 */
function precompressed(): Plugin {
  let outDir = "";
  return {
    name: "fazhi-precompressed",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The web app: root src/web, built into dist/web, which the server serves with an SPA fallback.
 * Pages are loaded lazily (React.lazy per route); vendors are split into stable chunks so a page change
 * does not invalidate the cached libraries.
 */
export default defineConfig({
  root: "src/web",
  base: "/",
  plugins: [react(), precompressed()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 30,
            },
            { name: "icons", test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 20 },
            { name: "dayjs", test: /node_modules[\\/]dayjs[\\/]/, priority: 20 },
            // Only what the shell needs at start ($initial: the login page frame, layout, menu) goes into the named
            // antd/vendor chunks. Library code used only by lazy pages (Table, DatePicker, Form…) is left to
            // rolldown's automatic splitting, so it loads with the first page that needs it. One antd chunk for
            // everything was ~950 kB; entriesAware groups broke module execution order at runtime.
            {
              name: "rc-components",
              test: /node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/,
              priority: 15,
              tags: ["$initial"],
            },
            {
              name: "antd",
              test: /node_modules[\\/](antd|@ant-design|@emotion|stylis)[\\/]/,
              priority: 10,
              tags: ["$initial"],
            },
            { name: "vendor", test: /node_modules[\\/]/, priority: 0, tags: ["$initial"] },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});

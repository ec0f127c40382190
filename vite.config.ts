import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web app: root src/web, built into dist/web, which the server serves with an SPA fallback.
 * Pages are loaded lazily (React.lazy per route); vendors are split into stable chunks so a page change
 * does not invalidate the cached libraries.
 */
export default defineConfig({
  root: "src/web",
  base: "/",
  plugins: [react()],
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
            // One antd chunk would be ~950 kB, because every page's components land in it. entriesAware splits antd
            // by the set of pages that use each module: the shell loads the shared core, the table-heavy pages load
            // the table and form code only when opened. Small subgroups are merged to keep the chunk count sane.
            {
              name: "antd",
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/,
              priority: 10,
              entriesAware: true,
              entriesAwareMergeThreshold: 40_000,
            },
            { name: "vendor", test: /node_modules[\\/]/, priority: 0 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});

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

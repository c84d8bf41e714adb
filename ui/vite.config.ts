import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The Tauri shell loads ui/dist in release and the dev server at :1420 in `tauri dev`.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { target: "es2022", sourcemap: false },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // The stylesheet is read as text by the colour-contrast test.
    css: { include: [/styles\.css/] },
  },
});

/// <reference types="vitest/config" />
// Build, dev-server and test settings for the Regulars window (Tauri 2 serves dist/).
// Must never inline scripts or styles into index.html: the app runs under a strict CSP.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const platform = process.env.TAURI_ENV_PLATFORM;
const debug = !!process.env.TAURI_ENV_DEBUG;

export default defineConfig({
  plugins: [svelte()],
  // Keep Rust errors from `tauri dev` visible.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  // Under Vitest, resolve Svelte's browser build so components mount client-side.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    // Tauri uses Chromium (WebView2) on Windows and WebKit on macOS and Linux.
    // macOS 12+ (tauri.conf.json minimumSystemVersion): its WebKit has what we use,
    // e.g. Array.prototype.at in marked (Safari 15.4; macOS 12 updates to it).
    target: platform == 'windows' ? 'chrome105' : 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    minify: debug ? false : 'esbuild',
    sourcemap: debug,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
  },
});

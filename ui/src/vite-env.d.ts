// Ambient types for Vite (import.meta.env, asset imports) and Svelte components.
/// <reference types="svelte" />
/// <reference types="vite/client" />

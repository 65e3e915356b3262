// Vitest setup: DOM matchers (toBeInTheDocument…) and unmounting components after each test.
import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';

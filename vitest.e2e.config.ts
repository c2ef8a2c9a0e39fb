import { defineConfig } from 'vitest/config'

/**
 * Browser end-to-end tests: the built popover in Debian's Chromium, backed by the real engine over a
 * loopback bridge (e2e/harness). One file at a time: each test forks an engine and a browser context.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/harness/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for the UI or the engine to catch up; its 1 s default is shorter than one PDF
    // render or a re-priced snapshot on a loaded 2-core CI machine. A poll that succeeds returns at once.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
})

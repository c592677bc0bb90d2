// Every Node-side suite of the project. Each project is one kind of test; `npm test` runs them all.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{architecture,shared,main,renderer,unit-server}/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
    ],
  },
});

/**
 * The storage measurement (not part of `npm test`: it takes a minute and asserts no timing):
 * `npx vitest run --config scripts/measure/vitest.config.ts`.
 */
import config from '../../vite.config';

export default {
	...config,
	test: {
		...config.test,
		include: ['scripts/measure/**/*.measure.ts'],
		testTimeout: 600_000,
		hookTimeout: 600_000
	}
};

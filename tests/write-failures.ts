/**
 * Make IndexedDB refuse writes on demand, as a full disk does: every put, add, delete and clear
 * throws a QuotaExceededError while `setWritesFail(page, true)` is in force. Installed before
 * the app's scripts run, on every page the test opens.
 */
import type { Page } from '@playwright/test';

export async function installWriteFailures(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const flag = window as unknown as { recallFailWrites?: boolean };
		const proto = IDBObjectStore.prototype as unknown as Record<
			string,
			(...args: unknown[]) => unknown
		>;
		for (const name of ['put', 'add', 'delete', 'clear']) {
			const original = proto[name];
			proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
				if (flag.recallFailWrites)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		}
	});
}

export async function setWritesFail(page: Page, fail: boolean): Promise<void> {
	await page.evaluate((v) => {
		(window as unknown as { recallFailWrites?: boolean }).recallFailWrites = v;
	}, fail);
}

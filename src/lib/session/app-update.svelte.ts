/**
 * A new version of the app, installed by the service worker and waiting: the page offers
 * "update available" and switches only when the learner says so, never in the middle of a
 * session on its own.
 */
class AppUpdate {
	#waiting = $state.raw<ServiceWorker | null>(null);
	#started = false;

	get available(): boolean {
		return this.#waiting !== null;
	}

	/** Watch the service worker's registration for a waiting version. Idempotent. */
	async start(): Promise<void> {
		if (this.#started || !('serviceWorker' in navigator)) return;
		this.#started = true;
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg) return;
		const watch = (worker: ServiceWorker | null) => {
			if (!worker) return;
			const check = () => {
				// A version waiting while another controls the page is an update (not the first install).
				if (worker.state === 'installed' && navigator.serviceWorker.controller)
					this.#waiting = worker;
			};
			check();
			worker.addEventListener('statechange', check);
		};
		watch(reg.waiting);
		watch(reg.installing);
		reg.addEventListener('updatefound', () => watch(reg.installing));
		// Look for a new version when the learner comes back to the app.
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') reg.update().catch(() => {});
		});
	}

	/** Let the waiting version take over, then reload into it. */
	apply(): void {
		const worker = this.#waiting;
		if (!worker) return;
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		worker.postMessage({ type: 'SKIP_WAITING' });
	}
}

export const appUpdate = new AppUpdate();

/**
 * The part of Node's `events` module that PouchDB uses (pouchdb-core and pouchdb-utils import
 * `events`, which browsers lack): `vite.config.ts` resolves `events` to this file. Methods are
 * set on the prototype as plain (enumerable) properties, as Node's are: PouchDB copies them onto
 * its constructor by walking `Object.keys(EventEmitter.prototype)`.
 */
type Listener = (...args: unknown[]) => void;

interface Emitter {
	_events?: Map<string | symbol, Listener[]>;
}

function EventEmitter(this: Emitter) {
	this._events = new Map();
}

const table = (ee: Emitter): Map<string | symbol, Listener[]> => (ee._events ??= new Map());
const proto = EventEmitter.prototype as Record<string, unknown>;

proto.on = proto.addListener = function (this: Emitter, type: string, fn: Listener) {
	const list = table(this).get(type) ?? [];
	table(this).set(type, [...list, fn]);
	return this;
};
proto.once = function (this: Emitter & { on: typeof proto.on }, type: string, fn: Listener) {
	const wrapped: Listener & { listener?: Listener } = (...args) => {
		(this as unknown as { removeListener(t: string, f: Listener): void }).removeListener(
			type,
			wrapped
		);
		fn.apply(this, args);
	};
	wrapped.listener = fn;
	return (this as unknown as { on(t: string, f: Listener): Emitter }).on(type, wrapped);
};
proto.removeListener = proto.off = function (this: Emitter, type: string, fn: Listener) {
	const list = table(this).get(type) ?? [];
	const i = list.findIndex(
		(l: Listener) => l === fn || (l as { listener?: Listener }).listener === fn
	);
	if (i >= 0) table(this).set(type, [...list.slice(0, i), ...list.slice(i + 1)]);
	return this;
};
proto.removeAllListeners = function (this: Emitter, type?: string) {
	if (type === undefined) table(this).clear();
	else table(this).delete(type);
	return this;
};
proto.emit = function (this: Emitter, type: string, ...args: unknown[]) {
	const list = table(this).get(type);
	if (!list?.length) {
		if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
		return false;
	}
	for (const fn of list) fn.apply(this, args);
	return true;
};
proto.listeners = function (this: Emitter, type: string) {
	return [...(table(this).get(type) ?? [])];
};
proto.listenerCount = function (this: Emitter, type: string) {
	return table(this).get(type)?.length ?? 0;
};
proto.setMaxListeners = function (this: Emitter) {
	return this;
};
(EventEmitter as unknown as { listenerCount(ee: Emitter, type: string): number }).listenerCount = (
	ee,
	type
) => table(ee).get(type)?.length ?? 0;
(EventEmitter as unknown as { EventEmitter: unknown }).EventEmitter = EventEmitter;

export default EventEmitter;
export { EventEmitter };

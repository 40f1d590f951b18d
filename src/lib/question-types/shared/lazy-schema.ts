/**
 * A schema built the first time it is asked for, then kept. Constructing zod schemas is not
 * free (a stored record's union of six objects, each with checks): a module that defines its
 * schemas with this costs nothing when it is evaluated, only when one is first used, so the
 * pages that load storage and the question types at start do not build schemas they have not
 * needed yet. A composite builds its parts inside its own `build` (`Text()`, not `Text`), so
 * that nothing is built at import. Its value's type is `z.infer<ReturnType<typeof XSchema>>`.
 * Imports nothing: storage, srs and the bank use it too (see docs/ARCHITECTURE.md).
 */
export function lazySchema<S>(build: () => S): () => S {
	let built: S | undefined;
	return () => (built ??= build());
}

/**
 * The documents of a learner's sync database (docs/sync.md): one per record, under an id that
 * names it (`log:<event id>`, `deck:<deck id>`, `draft:<draft id>`, `attempt:<id>`,
 * `settings`). What is sent is built from the stored records (storage/sync-records.ts); what the
 * server sends is untrusted like a file: each document is checked here (its envelope, then its
 * record by the same readers as stored records, a deck by the deck validator) and one that fails
 * is refused with the field at fault, never merged.
 */
import * as z from 'zod/mini';
import '../bank/messages';
import { readAttempt } from '../storage/attempts';
import { readDeckRecord } from '../storage/decks';
import { readDraftRecord } from '../storage/drafts';
import { isKnownZone, unknownZoneMessage } from '../storage/device-zone';
import { readRecord, SCHEMA_VERSION } from '../storage/records';
import type { RefusedDoc } from '../storage/sync-merge';
import type { IncomingChange, SyncChange } from '../storage/sync-records';
import { ScheduleParamsSchema, SchedulingSettingsSchema } from '../srs/settings';

const Id = z.string().check(z.minLength(1), z.maxLength(300));
const Iso = z.iso.datetime({ offset: true });

const Deleted = z.object({
	_id: Id,
	_rev: z.optional(z.string()),
	_deleted: z.literal(true),
	at: z.optional(Iso)
});

const Doc = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('log'), entry: z.unknown(), params: z.optional(z.unknown()) }),
	z.object({ kind: z.literal('deck'), record: z.unknown() }),
	z.object({ kind: z.literal('draft'), record: z.unknown() }),
	z.object({ kind: z.literal('attempt'), record: z.unknown() }),
	z.object({
		kind: z.literal('settings'),
		settings: z.unknown(),
		updatedAt: Iso,
		device: z.string().check(z.maxLength(100))
	})
]);

/** A document as the server stores it: the change's body with its id. */
export type SyncDoc = Record<string, unknown> & { _id: string; _rev?: string };

/** The document to send for a change (`_rev`: the server's current revision, when it has one). */
export function toDoc(change: SyncChange, rev?: string): SyncDoc {
	const base: SyncDoc = rev ? { _id: change.id, _rev: rev } : { _id: change.id };
	if (change.deleted) return { ...base, _deleted: true, ...(change.at ? { at: change.at } : {}) };
	return { ...base, ...change.body };
}

const zodError = (error: z.core.$ZodError, prefix = ''): string => {
	const issue = error.issues[0];
	const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
	return `${path || '(document)'}: ${issue.message}`;
};

/** The record's id after the document id's prefix, which must be `kind`'s. */
const suffix = (id: string, kind: string) =>
	id.startsWith(`${kind}:`) ? id.slice(kind.length + 1) : null;

export type Checked = { ok: true; change: IncomingChange } | { ok: false; refused: RefusedDoc };

/** Check one document from the server: the change to merge, or why it is refused. */
export function checkDoc(raw: unknown): Checked {
	const id = (raw as { _id?: unknown } | null)?._id;
	const named = typeof id === 'string' ? id : '(no _id)';
	const refuse = (error: string): Checked => ({
		ok: false,
		refused: { id: named, raw, error: `document "${named}": ${error}` }
	});
	if (typeof id !== 'string' || !Id.safeParse(id).success) return refuse('_id: must be a string');
	if ((raw as { _deleted?: unknown })._deleted === true) {
		const d = Deleted.safeParse(raw);
		if (!d.success) return refuse(zodError(d.error));
		if (!/^(log|deck|draft|attempt):./.test(id) && id !== 'settings')
			return refuse(`_id: not a document of this app`);
		return { ok: true, change: { id, deleted: true, ...(d.data.at ? { at: d.data.at } : {}) } };
	}
	const doc = Doc.safeParse(raw);
	if (!doc.success) return refuse(zodError(doc.error));
	const body = doc.data;
	const ok = (change: IncomingChange): Checked => ({ ok: true, change });
	switch (body.kind) {
		case 'log': {
			const eventId = suffix(id, 'log');
			const entry = readRecord('log', body.entry);
			if (!entry.ok) return refuse(`entry.${entry.error}`);
			if (eventId !== entry.value.id)
				return refuse(`entry.id: "${entry.value.id}" is not the document's ("${id}")`);
			if (body.params === undefined)
				return ok({ id, deleted: false, body: { kind: 'log', entry: entry.value } });
			const params = z.safeParse(ScheduleParamsSchema(), body.params);
			if (!params.success) return refuse(zodError(params.error, 'params'));
			if (!isKnownZone(params.data.timeZone))
				return refuse(`params.timeZone: ${unknownZoneMessage(params.data.timeZone)}`);
			return ok({
				id,
				deleted: false,
				body: { kind: 'log', entry: entry.value, params: params.data }
			});
		}
		case 'deck': {
			const deck = readDeckRecord(body.record);
			if (!deck.ok) return refuse(`record.${deck.error}`);
			if (suffix(id, 'deck') !== deck.value.deck.id)
				return refuse(`record.id: "${deck.value.deck.id}" is not the document's ("${id}")`);
			return ok({ id, deleted: false, body: { kind: 'deck', deck: deck.value } });
		}
		case 'draft': {
			const draft = readDraftRecord(body.record);
			if (!draft.ok) return refuse(`record.${draft.error}`);
			if (suffix(id, 'draft') !== draft.value.draft.draftId)
				return refuse(`record.draft.draftId: not the document's ("${id}")`);
			return ok({
				id,
				deleted: false,
				body: {
					kind: 'draft',
					record: {
						schemaVersion: SCHEMA_VERSION,
						savedAt: draft.value.savedAt,
						draft: draft.value.draft
					}
				}
			});
		}
		case 'attempt': {
			const attempt = readAttempt(body.record);
			if (!attempt.ok) return refuse(`record.${attempt.error}`);
			if (suffix(id, 'attempt') !== attempt.value.id)
				return refuse(`record.id: "${attempt.value.id}" is not the document's ("${id}")`);
			return ok({ id, deleted: false, body: { kind: 'attempt', record: attempt.value } });
		}
		case 'settings': {
			if (id !== 'settings') return refuse(`_id: the settings' document is "settings"`);
			const settings = z.safeParse(SchedulingSettingsSchema(), body.settings);
			if (!settings.success) return refuse(zodError(settings.error, 'settings'));
			if (!isKnownZone(settings.data.timeZone))
				return refuse(`settings.timeZone: ${unknownZoneMessage(settings.data.timeZone)}`);
			return ok({
				id,
				deleted: false,
				body: {
					kind: 'settings',
					settings: settings.data,
					updatedAt: body.updatedAt,
					device: body.device
				}
			});
		}
	}
}

/** Check a page of documents: the changes to merge and the refused (set aside, reported). */
export function checkDocs(raws: readonly unknown[]): {
	changes: IncomingChange[];
	refused: RefusedDoc[];
} {
	const changes: IncomingChange[] = [];
	const refused: RefusedDoc[] = [];
	for (const raw of raws) {
		const c = checkDoc(raw);
		if (c.ok) changes.push(c.change);
		else refused.push(c.refused);
	}
	return { changes, refused };
}

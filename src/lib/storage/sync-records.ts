/**
 * What syncs, as stored records: the body of each document (docs/sync.md), read for the outbox's
 * marks (sync-outbox.ts) on the way out; on the way in, sync/docs.ts checks a server's documents
 * into the same shapes and sync-merge.ts stores them. Fact states are not here: they are the
 * log's replay, rebuilt on each device.
 */
import type { SchedulingSettings, ScheduleParams } from '../srs/settings';
import type { AttemptRecord } from './attempts';
import type { StoredDeck } from './decks';
import type { DraftRecord } from './drafts';
import type { Kv } from './kv';
import { dayOf, rawEntries } from './log-days';
import { paramsKey, readRecord, type DeckRecord, type LogRecord } from './records';
import { SETTINGS_KEY } from './settings';
import { settingsChanged, type SettingsChanged } from './sync-state';
import { ALL, docIds, type Pending } from './sync-outbox';

/** A document's body, by kind: what is sent, and what a checked document from the server holds. */
export type SyncBody =
	| { kind: 'log'; entry: LogRecord; params?: ScheduleParams }
	| { kind: 'deck'; record: DeckRecord }
	| { kind: 'draft'; record: DraftRecord }
	| { kind: 'attempt'; record: AttemptRecord }
	| ({ kind: 'settings'; settings: SchedulingSettings } & SettingsChanged);

/** A document to send or merge: its body, or deleted (a removed log entry keeps its time). */
export type SyncChange =
	{ id: string; deleted: false; body: SyncBody } | { id: string; deleted: true; at?: string };

/** An incoming deck, checked by the validator (sync/docs.ts), as storage/decks.ts stores it. */
export type IncomingChange =
	| { id: string; deleted: false; body: Exclude<SyncBody, { kind: 'deck' }> }
	| { id: string; deleted: false; body: { kind: 'deck'; deck: StoredDeck } }
	| { id: string; deleted: true; at?: string };

export interface Outgoing {
	items: Array<{ change: SyncChange; marks: Pending[] }>;
	nothing: Pending[];
}

/** What an outbox's marks stand for now: the changes to send, with the marks they answer. */
export async function readOutgoing(kv: Kv, marks: readonly Pending[]): Promise<Outgoing> {
	const all = marks.find((m) => m.id === ALL);
	const wanted = new Map(marks.filter((m) => m.id !== ALL).map((m) => [m.id, m]));
	const logDays = new Set<string>();
	for (const m of wanted.values())
		if (m.id.startsWith('log:') && m.mark.op === 'put' && m.mark.at) logDays.add(dayOf(m.mark.at));
	const stores = ['log', 'decks', 'drafts', 'attempts', 'settings', 'meta'] as const;
	const read = await kv.run(stores, 'readonly', async (tx) => {
		const days = all
			? await rawEntries(tx)
			: (await Promise.all([...logDays].map((d) => tx.get('log', d)))).flatMap(
					(raw) => ((raw as { entries?: unknown[] } | undefined)?.entries ?? []) as unknown[]
				);
		const [decks, drafts, attempts, params, settings, changed] = await Promise.all([
			tx.entries('decks'),
			tx.entries('drafts'),
			tx.entries('attempts'),
			tx.entries('settings', 'params:'),
			tx.get('settings', SETTINGS_KEY),
			settingsChanged(tx)
		]);
		return { days, decks, drafts, attempts, params, settings, changed };
	});
	const params = new Map(read.params);
	const out = new Map<string, SyncChange>();
	for (const raw of read.days) {
		const r = readRecord('log', raw);
		if (!r.ok) continue; // Set aside when the log is read; nothing to send.
		const entry = r.value;
		const id = docIds.log(entry.id);
		if (!all && !wanted.has(id)) continue;
		const p =
			entry.kind === 'review' ? readRecord('params', params.get(paramsKey(entry.paramsId))) : null;
		const body: SyncBody =
			p?.ok === true ? { kind: 'log', entry, params: p.value.params } : { kind: 'log', entry };
		out.set(id, { id, deleted: false, body });
	}
	const records = <K extends 'deck' | 'draft' | 'attempt'>(
		kind: K,
		rows: Array<[string, unknown]>,
		idOf: (key: string) => string
	) => {
		for (const [key, record] of rows) {
			const id = idOf(key);
			if (!all && !wanted.has(id)) continue;
			const { checked: _, ...rest } = record as DeckRecord;
			const body = { kind, record: kind === 'deck' ? rest : record } as SyncBody;
			out.set(id, { id, deleted: false, body });
		}
	};
	records('deck', read.decks, docIds.deck);
	records('draft', read.drafts, docIds.draft);
	records('attempt', read.attempts, docIds.attempt);
	const settings = (read.settings as { settings?: SchedulingSettings } | undefined)?.settings;
	if (settings && read.changed && (all || wanted.has(docIds.settings)))
		out.set(docIds.settings, {
			id: docIds.settings,
			deleted: false,
			body: { kind: 'settings', settings, ...read.changed }
		});
	// A mark whose record is gone: a deck, draft or attempt deleted, a log entry removed.
	for (const [id, m] of wanted)
		if (!out.has(id) && id !== docIds.settings && !(id.startsWith('log:') && m.mark.op === 'put'))
			out.set(id, m.mark.at ? { id, deleted: true, at: m.mark.at } : { id, deleted: true });
	const items = [...out].map(([id, change]) => ({
		change,
		marks: wanted.has(id) ? [wanted.get(id) as Pending] : []
	}));
	// Marks that stand for nothing to send (an entry set aside since), and `all`: answered once
	// every item is sent.
	const nothing = marks.filter((m) => m.id === ALL || (!out.has(m.id) && wanted.has(m.id)));
	return { items, nothing };
}

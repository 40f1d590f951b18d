/**
 * A static server for the prerendered build (`/study` is `study.html`), on a free port of its
 * own. Shared by the bench (which serves as static hosts do: over HTTP/2 with TLS, text
 * compressed once and kept) and by tests that need to change what the server sends (a new
 * service worker). Cross-origin isolated, as the app's servers are (scripts/isolation.js).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ISOLATION_HEADERS } from '../scripts/isolation.js';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain',
	'.wasm': 'application/wasm'
};

export interface ServeOptions {
	/** Gzip text when the browser accepts it. */
	gzip?: boolean;
	/** Other folders, by URL prefix (e.g. `{ '/__bench/': dir }`). */
	mounts?: Record<string, string>;
	/** Change a file's body as it is sent. */
	transform?: (path: string, body: Buffer) => Buffer;
	/** A fixed port (the bench's stored data belongs to one origin); by default a free one. */
	port?: number;
	/**
	 * HTTPS with HTTP/2 (HTTP/1.1 for clients without it), with this key and certificate (PEM):
	 * how static hosts serve today. The browser must be told to accept the certificate.
	 */
	tls?: { key: Buffer | string; cert: Buffer | string };
	/**
	 * Let browsers keep `/_app/immutable/` (named by their content) for a year, as static hosts
	 * are told to (SvelteKit's deployment guidance): what a returning visitor's browser holds.
	 */
	immutable?: boolean;
}

export interface StaticServer {
	origin: string;
	close: () => void;
}

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
	const {
		gzip = false,
		mounts = {},
		transform = (_path, body) => body,
		port = 0,
		tls,
		immutable = false
	} = options;
	/**
	 * Compressed bodies, by file, while the file's modification time is the same (not kept when
	 * a transform may change a body from one request to the next).
	 */
	const compressed = new Map<string, { mtime: number; body: Buffer }>();
	const gzipped = (file: string, path: string, raw: Buffer): Buffer => {
		if (options.transform) return gzipSync(transform(path, raw));
		const mtime = statSync(file).mtimeMs;
		const kept = compressed.get(path);
		if (kept?.mtime === mtime) return kept.body;
		const body = gzipSync(transform(path, raw));
		compressed.set(path, { mtime, body });
		return body;
	};
	const handle = (req: Request, res: Response) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
		const root = mount ? mounts[mount] : dir;
		const rest = mount ? path.slice(mount.length - 1) : path;
		const file = [
			join(root, rest),
			join(root, `${rest}.html`),
			join(root, rest, 'index.html')
		].find((f) => f.startsWith(root) && existsSync(f) && statSync(f).isFile());
		if (!file) return void res.writeHead(404).end();
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const caching =
			immutable && path.startsWith('/_app/immutable/')
				? { 'cache-control': 'public, max-age=31536000, immutable' }
				: {};
		const raw = readFileSync(file);
		if (
			gzip &&
			/text|javascript|json|svg|manifest/.test(type) &&
			/gzip/.test(String(req.headers['accept-encoding'] ?? ''))
		) {
			res.writeHead(200, {
				...ISOLATION_HEADERS,
				...caching,
				'content-type': type,
				'content-encoding': 'gzip',
				vary: 'accept-encoding'
			});
			res.end(gzipped(file, path, raw));
		} else {
			res.writeHead(200, { ...ISOLATION_HEADERS, ...caching, 'content-type': type });
			res.end(transform(path, raw));
		}
	};
	const server = tls
		? createSecureServer({ ...tls, allowHTTP1: true }, handle)
		: createServer(handle);
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	return {
		origin: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => server.close()
	};
}

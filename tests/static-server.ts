/**
 * A static server for the prerendered build (`/study` is `study.html`), on a free port of its
 * own. Shared by the bench (which serves text gzipped, as hosts do) and by tests that need to
 * change what the server sends (a new service worker).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain'
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
}

export interface StaticServer {
	origin: string;
	close: () => void;
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
	const { gzip = false, mounts = {}, transform = (_path, body) => body, port = 0 } = options;
	const server = createServer((req, res) => {
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
		const body = transform(path, readFileSync(file));
		if (
			gzip &&
			/text|javascript|json|svg|manifest/.test(type) &&
			/gzip/.test(req.headers['accept-encoding'] ?? '')
		) {
			res.writeHead(200, {
				'content-type': type,
				'content-encoding': 'gzip',
				vary: 'accept-encoding'
			});
			res.end(gzipSync(body));
		} else {
			res.writeHead(200, { 'content-type': type });
			res.end(body);
		}
	});
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => server.close()
	};
}

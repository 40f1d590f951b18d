/** HTTP clients of the sync guard for its tests: each keeps its own session cookie. */

export class Client {
	cookie = '';

	constructor(public port: number) {}

	/** A request with this client's cookie; the cookie it gets back (refreshed or cleared) is kept. */
	async request(method: string, path: string, body?: unknown): Promise<Response> {
		const headers: Record<string, string> = {};
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const reply = await fetch(`http://127.0.0.1:${this.port}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const set = reply.headers.getSetCookie().find((c) => c.startsWith('AuthSession='));
		if (set) this.cookie = set.split(';')[0];
		return reply;
	}

	get = (path: string) => this.request('GET', path);
	post = (path: string, body: unknown) => this.request('POST', path, body);
	put = (path: string, body: unknown) => this.request('PUT', path, body);
}

/** `PUT /_users/org.couchdb.user:<name>` with `body`, anonymously. */
export const signUp = (port: number, body: Record<string, unknown>, urlName = String(body.name)) =>
	new Client(port).put(`/_users/org.couchdb.user:${encodeURIComponent(urlName)}`, body);

export const signIn = (port: number, name: string, password: string) =>
	new Client(port).post('/_session', { name, password });

/** A client signed up and in as `name`, or with no session at all when no name is given. */
export async function account(port: number, name?: string, password = 'pw'): Promise<Client> {
	const client = new Client(port);
	if (name === undefined) return client;
	const made = await signUp(port, { name, password, roles: [], type: 'user' });
	if (made.status !== 201)
		throw new Error(`sign-up of ${name}: ${made.status} ${await made.text()}`);
	const session = await client.post('/_session', { name, password });
	if (session.status !== 200) throw new Error(`sign-in of ${name}: ${session.status}`);
	return client;
}

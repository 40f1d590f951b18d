// The whole app is prerendered to static files: no server at run time.
export const prerender = true;

/** The device's time zone, for pages (a route reaches storage through session). */
export { deviceTimeZone } from '$lib/storage/device-zone';

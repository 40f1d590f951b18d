// Runs before the first paint (a blocking script in <head>), so the learner's chosen theme
// shows at once: no flash of the other theme. Allowed by the CSP as a same-origin script.
try {
	var theme = localStorage.getItem('car-theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
	// Storage blocked: follow the system theme.
}

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

/** Today in Stockholm, YYYY-MM-DD. */
export const todayText = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

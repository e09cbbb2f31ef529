export async function loadContractsDemo() {}

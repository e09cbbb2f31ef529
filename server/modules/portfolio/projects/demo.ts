export async function loadProjectsDemo() {}

import { RawBody } from '../../../platform/seam.ts';
import type { Part } from '../part.ts';
import { importRoutesOfRegistry } from './routes.ts';

// The systemkarta import on the seam: its route and the walks' example file.

export const importPart: Part = {
  name: 'import',
  routes: importRoutesOfRegistry,
  walk: {
    async seed() {
      return { ids: {}, secrets: [] };
    },
    bodies: {
      'POST /api/v1/systems/import': () =>
        new RawBody('text/csv', 'namn;omfattning;kategori\nImporterat system;kommungemensamt;Ekonomi\n'),
    },
  },
};

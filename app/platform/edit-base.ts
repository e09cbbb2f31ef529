import { useEffect, useState } from 'react';

// The record an edit is based on: taken when the dialog opens, and again when the person reloads
// after a version conflict. A background refetch (another tab, a list invalidated on mount) must
// not swap it under them: that would throw away what they typed and, worse, send the newer
// version with their older view, overwriting the other change without a 409.

export function useEditBase<R extends { version: number } | null>(opened: boolean, record: R) {
  const [base, setBase] = useState<R>(record);
  // Set once a reload has answered: the next render's record (or the first newer one, when the
  // query's observers are told a little later) becomes the base.
  const [reloaded, setReloaded] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: taken on opening only, not on every render
  useEffect(() => {
    if (opened) {
      setBase(record);
      setReloaded(false);
    }
  }, [opened]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reloaded record, once it is here
  useEffect(() => {
    if (reloaded && record?.version !== base?.version) {
      setReloaded(false);
      setBase(record);
    }
  }, [reloaded, record?.version]);
  return {
    base,
    /** Reload, then base the edit on the record as it now is. */
    async rebase(reload: () => Promise<unknown>) {
      await reload();
      setReloaded(true);
    },
  };
}

import { v7 } from 'uuid';

/** New row ids are UUIDv7: time-ordered, so inserts land at the end of the index. */
export function newId(): string {
  return v7();
}

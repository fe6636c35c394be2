export interface Scheduled<T> {
  readonly at: number;
  readonly item: T;
}

/** A customer's few upcoming actions, earliest first; equal instants keep the order they were scheduled in. */
export class Agenda<T> {
  private readonly entries: Scheduled<T>[] = [];

  schedule(at: number, item: T): void {
    let index = this.entries.length;
    while (index > 0 && this.entries[index - 1].at > at) {
      index -= 1;
    }
    this.entries.splice(index, 0, { at, item });
  }

  takeEarliest(): Scheduled<T> | undefined {
    return this.entries.shift();
  }
}

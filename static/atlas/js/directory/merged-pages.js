// One list drawn from several sources that are each sorted and paginated (organisations and meeting
// places from the directory API), merged in one order and handed out a few at a time: "more" asks
// for the next entries, and a source's next page is fetched only when the merge reaches its end.
//
// A source is a function (url) → Promise<{ entries, count, next }>: `url` is null for the first page,
// else the `next` of the page before. Entries come out in the order of `compare` as far as the
// sources agree with it; every entry of every source comes out exactly once either way.
export class MergedPages {
  constructor(sources, compare) {
    this.compare = compare;
    this.streams = sources.map((load) => ({ load, buffer: [], next: null, count: 0 }));
    this.shown = 0;
  }

  // The first page of every source, fetched in parallel: afterwards `count` is the number of all entries.
  async start() {
    await Promise.all(this.streams.map((stream) => this.fill(stream, null)));
    return this;
  }

  get count() {
    return this.streams.reduce((sum, stream) => sum + stream.count, 0);
  }

  get done() {
    return this.streams.every((stream) => !stream.buffer.length && !stream.next);
  }

  async fill(stream, url) {
    const page = await stream.load(url);
    stream.buffer.push(...page.entries);
    stream.next = page.next || null;
    stream.count = page.count;
  }

  // The next `size` entries in order (fewer at the end, none when done). Sources whose fetched
  // entries are used up are asked for their next page first, in parallel.
  async take(size) {
    const taken = [];
    while (taken.length < size) {
      const empty = this.streams.filter((stream) => !stream.buffer.length && stream.next);
      if (empty.length) await Promise.all(empty.map((stream) => this.fill(stream, stream.next)));
      let first = null;
      for (const stream of this.streams) {
        if (stream.buffer.length && (!first || this.compare(stream.buffer[0], first.buffer[0]) < 0)) first = stream;
      }
      if (!first) break;
      taken.push(first.buffer.shift());
    }
    this.shown += taken.length;
    return taken;
  }
}

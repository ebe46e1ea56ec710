/** App verbs for end-to-end tests: what a user does, in the user's words. */
import type { Page } from '@playwright/test';

export class AtlasDriver {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(path);
  }

  async waitForEvents() {
    await this.page.locator('[data-testid="map"][data-events-ready="true"]').waitFor({ timeout: 60_000 });
  }

  eventButtons() {
    return this.page.locator('button.event-item');
  }

  panelTitle() {
    return this.page.locator('#event-title');
  }

  mark() {
    return this.page.locator('.source-card mark').first();
  }

  /** Screen position of an event's marker, from the map's own projection. */
  async markerPoint(eventId: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate(async (id) => {
      const map = window.__atlasMap;
      if (!map) throw new Error('map not ready');
      const res = await fetch('/data/events.json');
      const data = (await res.json()) as { events: { id: string; place: { lon: number; lat: number } }[] };
      const e = data.events.find((x) => x.id === id);
      if (!e) throw new Error(`no event ${id}`);
      const p = map.project([e.place.lon, e.place.lat]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, eventId);
  }

  /** Screen position of a place on the map, from the map's own projection. */
  async screenPoint(lon: number, lat: number): Promise<{ x: number; y: number }> {
    return this.page.evaluate(
      ([lo, la]) => {
        const map = window.__atlasMap;
        if (!map) throw new Error('map not ready');
        const p = map.project([lo as number, la as number]);
        const r = map.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      [lon, lat],
    );
  }

  async openTimeline() {
    const box = this.page.locator('details.timeline');
    if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  }

  async openFilters() {
    const box = this.page.locator('details.filters-box');
    if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  }

  /** How many events the marker map's source holds (not pixels: the data the map draws). */
  async renderedEventCount(): Promise<number> {
    return this.page.evaluate(async () => {
      const src = window.__atlasMap?.getSource('events') as
        | { getData?: () => Promise<{ features?: unknown[] }> }
        | undefined;
      if (!src?.getData) return -1;
      return (await src.getData()).features?.length ?? -1;
    });
  }

  /** Whether the events are drawn as the point cloud of large data sets (not as markers). */
  async drawsPointCloud(): Promise<boolean> {
    return this.page.evaluate(() => Boolean(window.__atlasMap?.getLayer('event-points-gpu')));
  }

  /** How many basemap features of each kind are on screen (the basemap really drew). */
  async basemapFeatures(): Promise<{ land: number; borders: number; labels: number }> {
    return this.page.evaluate(() => {
      const m = window.__atlasMap;
      const n = (layer: string) => m?.queryRenderedFeatures({ layers: [layer] }).length ?? 0;
      return { land: n('land'), borders: n('borders'), labels: n('place-labels') };
    });
  }

  /** The map's view: zoom and centre. */
  async view(): Promise<{ z: number; lat: number; lng: number } | null> {
    return this.page.evaluate(() => {
      const m = window.__atlasMap;
      return m ? { z: m.getZoom(), lat: m.getCenter().lat, lng: m.getCenter().lng } : null;
    });
  }

  /** Whether the map is flying, panning or zooming right now. */
  async mapIsMoving(): Promise<boolean | undefined> {
    return this.page.evaluate(() => window.__atlasMap?.isMoving());
  }

  /** How many times the app has measured something (a performance measure, e.g. 'filter'). */
  async measured(name: string): Promise<number> {
    return this.page.evaluate((n) => performance.getEntriesByName(n).length, name);
  }

  /** The stored text of an article, as the app reads it. */
  async articleText(articleId: string): Promise<string> {
    return this.page.evaluate(
      async (id) => ((await (await fetch(`/data/articles/${id}.json`)).json()) as { text: string }).text,
      articleId,
    );
  }

  /** Holds the built-in events file back until the map is up, so the data arrives after the map. */
  async deliverEventsAfterTheMap(): Promise<void> {
    await this.page.route(
      (url) => url.pathname === '/data/events.json',
      async (route) => {
        await this.page.waitForFunction(() => performance.getEntriesByName('map-style-loaded').length > 0);
        await route.continue();
      },
    );
  }

  /** Puts the page's timers on a clock the test moves (call before open). */
  async controlTime(): Promise<void> {
    await this.page.clock.install();
  }

  /** Runs the page's timers through `ms` of page time at once, without waiting that long. */
  async letTimePass(ms: number): Promise<void> {
    await this.page.clock.runFor(ms);
  }

  /** Presses a point of the map as the device does: a tap on a touch screen, a click elsewhere. */
  async press(p: { x: number; y: number }, touch: boolean) {
    if (touch) await this.page.touchscreen.tap(p.x, p.y);
    else await this.page.mouse.click(p.x, p.y);
  }

  /**
   * Shows (lon, lat) at `zoom`, at the centre of the map or `offset` pixels from it, and waits until the
   * map has drawn it.
   */
  async zoomTo(lon: number, lat: number, zoom: number, offset: [number, number] = [0, 0]) {
    await this.page.evaluate(
      ([lo, la, z, dx, dy]) =>
        new Promise<void>((resolve) => {
          const map = window.__atlasMap;
          if (!map) throw new Error('map not ready');
          map.once('idle', () => resolve());
          map.easeTo({
            center: [lo as number, la as number],
            zoom: z as number,
            offset: [dx as number, dy as number],
            duration: 0,
          });
        }),
      [lon, lat, zoom, offset[0], offset[1]],
    );
  }
}

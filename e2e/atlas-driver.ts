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

  /** How many events the map's source holds (not pixels: the data the map draws). */
  async renderedEventCount(): Promise<number> {
    return this.page.evaluate(() => {
      const src = window.__atlasMap?.getSource('events') as unknown as
        | { _data?: { geojson?: { features: unknown[] } } }
        | undefined;
      const data = src as unknown as { serialize: () => { data: { features: unknown[] } } };
      return data?.serialize().data.features.length ?? -1;
    });
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

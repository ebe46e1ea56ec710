/**
 * Events drawn as one WebGL point cloud (a MapLibre custom layer) for data sets too large for a
 * GeoJSON source. Events at the same spot are aggregated into one "site": a site holding one shown
 * event is a marker in that event's color; a site holding many is a dark circle whose size grows
 * with the count (like the clusters of the marker view), so a million events read as a density, not
 * as a million overlapping markers. Site positions go to the GPU once; a filter change recounts the
 * sites (one pass over the rows) and uploads a few bytes per site — nothing is re-tiled or re-sent.
 * Region- and country-level places are drawn hollow, as in the marker view.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import type { ColorKeys } from '../../data/color-keys.ts';
import { COLORS, hexToRgb } from '../../data/colors.ts';
import type { EventTable } from '../../data/event-table.ts';
import { COARSE_BY_CODE } from '../../shared/place-precision.ts';
import { CLOUD_LAYER } from './layers.ts';
import { FRAGMENT, VERTEX } from './shaders.ts';
import { countSites, emptyCounts, groupSites, type SiteCounts } from './sites.ts';

/** Web Mercator in MapLibre's world units (0…1). */
export function mercator(lon: number, lat: number): [number, number] {
  const x = (lon + 180) / 360;
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

/** Marker size in CSS pixels, growth per doubling of a site's count, opacity and rim (px) by zoom. */
export function pointStyle(zoom: number): { size: number; growth: number; alpha: number; rim: number } {
  const t = Math.max(0, Math.min(1, (zoom - 3) / 6));
  return { size: 3 + t * 9, growth: 0.7 + t * 2.3, alpha: 0.85 + t * 0.15, rim: zoom >= 6 ? 1.5 : 0 };
}

const AGGREGATE_RGB = hexToRgb(COLORS.aggregate);
const FALLBACK_RGB = hexToRgb(COLORS.fallback);

export class PointLayer implements CustomLayerInterface {
  readonly id = CLOUD_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private gl: WebGL2RenderingContext | null = null;
  private map: MlMap | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffers: { pos: WebGLBuffer; color: WebGLBuffer; count: WebGLBuffer } | null = null;
  private uniforms: Record<
    'matrix' | 'size' | 'growth' | 'alpha' | 'rim',
    WebGLUniformLocation | null
  > | null = null;
  /** Positions are relative to this origin so float32 keeps sub-pixel precision when zoomed in. */
  private origin: [number, number] = [0.5, 0.5];
  /** Site of each row; per site: position, shown count, color (rgb + coarse flag). */
  private siteOf: Int32Array;
  private sites = 0;
  private pos: Float32Array;
  private counts: SiteCounts;
  private color: Uint8Array;
  private rgb: [number, number, number][] = [];
  private code: Int32Array;
  private drawn = false;

  /** Called after the first frame that shows the events (set by whoever adds the layer). */
  onFirstDraw: () => void = () => undefined;

  constructor(
    private readonly table: EventTable,
    color: ColorKeys,
    rows: Uint32Array,
  ) {
    const { siteOf, first } = groupSites(table.lon, table.lat);
    this.siteOf = siteOf;
    this.sites = first.length;
    const world = first.map((i) => mercator(table.lon[i] as number, table.lat[i] as number));
    let [minX, minY, maxX, maxY] = [1, 1, 0, 0];
    for (const [x, y] of world) {
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    }
    if (world.length) this.origin = [(minX + maxX) / 2, (minY + maxY) / 2];
    this.pos = new Float32Array(2 * this.sites);
    world.forEach(([x, y], site) => {
      this.pos[2 * site] = x - this.origin[0];
      this.pos[2 * site + 1] = y - this.origin[1];
    });
    this.counts = emptyCounts(this.sites, table.size);
    this.color = new Uint8Array(4 * this.sites);
    this.code = color.code;
    this.rgb = color.colors.map(hexToRgb);
    this.recount(rows);
  }

  /** Counts the shown rows per site and colors each site: its event's color, or the aggregate's. */
  private recount(rows: Uint32Array): void {
    const t = this.table;
    const { count, lastRow } = countSites(this.siteOf, rows, this.counts);
    for (let site = 0; site < this.sites; site++) {
      const row = lastRow[site] as number;
      if (row < 0) continue;
      const [r, g, b] =
        (count[site] as number) > 1 ? AGGREGATE_RGB : (this.rgb[this.code[row] as number] ?? FALLBACK_RGB);
      this.color.set([r, g, b, COARSE_BY_CODE[t.precision[row] as number] ? 128 : 255], 4 * site);
    }
  }

  /** Whether row i is drawn (passes the filters). */
  isOn(i: number): boolean {
    return this.counts.shown[i] === 1;
  }

  setRows(rows: Uint32Array): void {
    this.recount(rows);
    this.upload();
  }

  setColors(color: ColorKeys, rows: Uint32Array): void {
    this.code = color.code;
    this.rgb = color.colors.map(hexToRgb);
    this.setRows(rows);
  }

  private upload(): void {
    const gl = this.gl;
    if (!gl || !this.buffers) return;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.count);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.counts.count);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.color);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.color);
    this.map?.triggerRepaint();
  }

  onAdd(map: MlMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    const shader = (type: number, source: string) => {
      const s = gl.createShader(type);
      if (!s) throw new Error('WebGL: cannot create a shader');
      gl.shaderSource(s, source);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`WebGL: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const program = gl.createProgram();
    gl.attachShader(program, shader(gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, shader(gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS))
      throw new Error(`WebGL: ${gl.getProgramInfoLog(program)}`);
    this.program = program;
    this.uniforms = {
      matrix: gl.getUniformLocation(program, 'u_matrix'),
      size: gl.getUniformLocation(program, 'u_size'),
      growth: gl.getUniformLocation(program, 'u_growth'),
      alpha: gl.getUniformLocation(program, 'u_alpha'),
      rim: gl.getUniformLocation(program, 'u_rim'),
    };
    const buffer = (data: ArrayBufferView, usage: number) => {
      const b = gl.createBuffer();
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.bufferData(gl.ARRAY_BUFFER, data, usage);
      return b;
    };
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    this.buffers = {
      pos: buffer(this.pos, gl.STATIC_DRAW),
      color: buffer(this.color, gl.DYNAMIC_DRAW),
      count: buffer(this.counts.count, gl.DYNAMIC_DRAW),
    };
    const attribute = (name: string, b: WebGLBuffer, size: number, type: number, normalized: boolean) => {
      const loc = gl.getAttribLocation(program, name);
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, type, normalized, 0, 0);
    };
    attribute('a_pos', this.buffers.pos, 2, gl.FLOAT, false);
    attribute('a_color', this.buffers.color, 4, gl.UNSIGNED_BYTE, true);
    attribute('a_count', this.buffers.count, 1, gl.FLOAT, false);
    gl.bindVertexArray(null);
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, args: CustomRenderMethodInput): void {
    if (!this.program || !this.vao || !this.uniforms || !this.map || !(gl instanceof WebGL2RenderingContext))
      return;
    // mainMatrix maps Web Mercator (0…1) to clip space (modelViewProjectionMatrix is in world pixels);
    // times translate(origin), in double precision before it becomes float32.
    const m = args.defaultProjectionData.mainMatrix;
    const [ox, oy] = this.origin;
    const matrix = new Float32Array(16);
    for (let i = 0; i < 16; i++) matrix[i] = m[i] as number;
    for (let r = 0; r < 4; r++)
      matrix[12 + r] = (m[r] as number) * ox + (m[4 + r] as number) * oy + (m[12 + r] as number);
    const style = pointStyle(this.map.getZoom());
    const dpr = window.devicePixelRatio || 1;
    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(this.uniforms.matrix, false, matrix);
    gl.uniform1f(this.uniforms.size, style.size * dpr);
    gl.uniform1f(this.uniforms.growth, style.growth * dpr);
    gl.uniform1f(this.uniforms.alpha, style.alpha);
    gl.uniform1f(this.uniforms.rim, style.rim * dpr);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.POINTS, 0, this.sites);
    gl.bindVertexArray(null);
    if (!this.drawn) {
      this.drawn = true;
      this.onFirstDraw();
    }
  }

  onRemove(_map: MlMap, gl: WebGL2RenderingContext): void {
    if (this.buffers) for (const b of Object.values(this.buffers)) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    if (this.program) gl.deleteProgram(this.program);
    this.buffers = null;
    this.program = null;
  }
}

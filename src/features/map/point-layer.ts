/**
 * Events drawn as one WebGL point cloud (a MapLibre custom layer) for data sets too large for a
 * GeoJSON source. Events at the same spot are aggregated into one "site": a site holding one shown
 * event is a marker in that event's colour; a site holding many is a dark circle whose size grows
 * with the count (like the clusters of the marker view), so a million events read as a density, not
 * as a million overlapping markers. Site positions go to the GPU once; a filter change recounts the
 * sites (one pass over the rows) and uploads a few bytes per site — nothing is re-tiled or re-sent.
 * Region- and country-level places are drawn hollow, as in the marker view.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import type { ColourKeys } from '../../data/color-keys.ts';
import type { EventTable } from '../../data/event-table.ts';

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_size;
uniform float u_growth;
in vec2 a_pos;
in vec4 a_color;
in float a_count;
out vec3 v_color;
out float v_coarse;
out float v_size;
out float v_aggregate;
void main() {
  if (a_count < 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  v_aggregate = a_count < 1.5 ? 0.0 : 1.0;
  v_size = a_count < 1.5 ? u_size : min(u_size + u_growth * log2(a_count), 24.0 * u_growth);
  gl_PointSize = v_size;
  v_color = a_color.rgb;
  v_coarse = a_color.a < 0.75 ? 1.0 : 0.0;
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_alpha;
uniform float u_rim;
in vec3 v_color;
in float v_coarse;
in float v_size;
in float v_aggregate;
out vec4 fragColor;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  float aa = 2.0 / max(v_size, 1.0);
  // Aggregates are translucent, so where they overlap the map reads as density.
  float a = u_alpha * (v_aggregate > 0.5 ? 0.55 : 1.0) * (1.0 - smoothstep(1.0 - aa, 1.0, r));
  if (a <= 0.0) discard;
  float rim = u_rim * 2.0 / max(v_size, 1.0);
  vec3 c = r > 1.0 - rim ? vec3(1.0) : v_color;
  if (v_coarse > 0.5 && r < 0.6 - rim) a *= 0.2;
  fragColor = vec4(c * a, a);
}`;

const COARSE = new Set([3, 4]); // placePrecisions: region, country

/** Web Mercator in MapLibre's world units (0…1). */
export function mercator(lon: number, lat: number): [number, number] {
  const x = (lon + 180) / 360;
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Marker size in CSS pixels, growth per doubling of a site's count, opacity and rim (px) by zoom. */
export function pointStyle(zoom: number): { size: number; growth: number; alpha: number; rim: number } {
  const t = Math.max(0, Math.min(1, (zoom - 3) / 6));
  return { size: 3 + t * 9, growth: 0.7 + t * 2.3, alpha: 0.85 + t * 0.15, rim: zoom >= 6 ? 1.5 : 0 };
}

/** A key per distinct position (to about a metre). */
const spotKey = (lon: number, lat: number) =>
  Math.round((lat + 90) * 1e5) * 4e7 + Math.round((lon + 180) * 1e5);

const AGGREGATE_RGB: [number, number, number] = [0x33, 0x41, 0x5c];

export class PointLayer implements CustomLayerInterface {
  readonly id = 'event-points-gpu';
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
  /** Site of each row; per site: position, shown count, colour (rgb + coarse flag). */
  private siteOf: Int32Array;
  private sites = 0;
  private pos: Float32Array;
  private count: Float32Array;
  private color: Uint8Array;
  private lastRow: Int32Array;
  private shown: Uint8Array;
  private rgb: [number, number, number][] = [];
  private code: Int32Array;
  private drawn = false;

  constructor(
    private readonly table: EventTable,
    colour: ColourKeys,
    rows: Uint32Array,
    /** Called after the first frame that shows the events. */
    private readonly onFirstDraw: () => void,
  ) {
    const n = table.size;
    this.siteOf = new Int32Array(n);
    const index = new Map<number, number>();
    const first: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = spotKey(table.lon[i] as number, table.lat[i] as number);
      let site = index.get(key);
      if (site === undefined) {
        site = first.length;
        index.set(key, site);
        first.push(i);
      }
      this.siteOf[i] = site;
    }
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
    this.count = new Float32Array(this.sites);
    this.color = new Uint8Array(4 * this.sites);
    this.lastRow = new Int32Array(this.sites);
    this.shown = new Uint8Array(n);
    this.code = colour.code;
    this.rgb = colour.colors.map(hexToRgb);
    this.recount(rows);
  }

  /** Counts the shown rows per site and colours each site: its event's colour, or the aggregate's. */
  private recount(rows: Uint32Array): void {
    const t = this.table;
    this.count.fill(0);
    this.lastRow.fill(-1);
    this.shown.fill(0);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k] as number;
      const site = this.siteOf[i] as number;
      this.count[site] = (this.count[site] ?? 0) + 1;
      this.lastRow[site] = i;
      this.shown[i] = 1;
    }
    const fallback = hexToRgb('#555555');
    for (let site = 0; site < this.sites; site++) {
      const row = this.lastRow[site] as number;
      if (row < 0) continue;
      const [r, g, b] =
        (this.count[site] as number) > 1 ? AGGREGATE_RGB : (this.rgb[this.code[row] as number] ?? fallback);
      this.color.set([r, g, b, COARSE.has(t.precision[row] as number) ? 128 : 255], 4 * site);
    }
  }

  /** Whether row i is drawn (passes the filters). */
  isOn(i: number): boolean {
    return this.shown[i] === 1;
  }

  setRows(rows: Uint32Array): void {
    this.recount(rows);
    this.upload();
  }

  setColours(colour: ColourKeys, rows: Uint32Array): void {
    this.code = colour.code;
    this.rgb = colour.colors.map(hexToRgb);
    this.setRows(rows);
  }

  private upload(): void {
    const gl = this.gl;
    if (!gl || !this.buffers) return;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.count);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.count);
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
      count: buffer(this.count, gl.DYNAMIC_DRAW),
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

/**
 * Events as one WebGL point cloud (a MapLibre custom layer) for data sets too large for a GeoJSON
 * source. Positions and colours go to the GPU once; a filter change uploads one byte per event (on
 * or off) and redraws — nothing is re-tiled or re-sent. At low zoom the points are small and
 * translucent, so their overlap reads as density; zoomed in they grow into markers with a white rim,
 * and region- or country-level places are drawn hollow (as in the marker view).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import type { ColourKeys } from '../../data/colour-keys.ts';
import type { EventTable } from '../../data/event-table.ts';

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_size;
in vec2 a_pos;
in vec4 a_color;
in float a_on;
out vec3 v_color;
out float v_coarse;
void main() {
  if (a_on < 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_PointSize = u_size;
  v_color = a_color.rgb;
  v_coarse = a_color.a < 0.75 ? 1.0 : 0.0;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform float u_alpha;
uniform float u_rim;
uniform float u_size;
in vec3 v_color;
in float v_coarse;
out vec4 fragColor;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  float aa = 2.0 / max(u_size, 1.0);
  float a = u_alpha * (1.0 - smoothstep(1.0 - aa, 1.0, r));
  if (a <= 0.0) discard;
  vec3 c = r > 1.0 - u_rim ? vec3(1.0) : v_color;
  if (v_coarse > 0.5 && r < 0.6 - u_rim) a *= 0.2;
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

/** Marker size in CSS pixels and opacity by zoom: dots that add up at low zoom, markers up close. */
export function pointStyle(zoom: number): { size: number; alpha: number; rim: number } {
  const t = Math.max(0, Math.min(1, (zoom - 3) / 6));
  return { size: 2.5 + t * 9.5, alpha: 0.35 + t * 0.65, rim: zoom >= 7 ? 0.18 : 0 };
}

export class PointLayer implements CustomLayerInterface {
  readonly id = 'event-points-gpu';
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private gl: WebGL2RenderingContext | null = null;
  private map: MlMap | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffers: { pos: WebGLBuffer; color: WebGLBuffer; on: WebGLBuffer } | null = null;
  private uniforms: Record<'matrix' | 'size' | 'alpha' | 'rim', WebGLUniformLocation | null> | null = null;
  /** Positions are relative to this origin so float32 keeps sub-pixel precision when zoomed in. */
  private origin: [number, number];
  private pos: Float32Array;
  private on: Uint8Array;
  private color: Uint8Array;
  private drawn = false;

  constructor(
    private readonly table: EventTable,
    colour: ColourKeys,
    rows: Uint32Array,
    /** Called after the first frame that shows the events. */
    private readonly onFirstDraw: () => void,
  ) {
    const n = table.size;
    let minX = 1;
    let minY = 1;
    let maxX = 0;
    let maxY = 0;
    const world = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const [x, y] = mercator(table.lon[i] as number, table.lat[i] as number);
      world[2 * i] = x;
      world[2 * i + 1] = y;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    this.origin = n ? [(minX + maxX) / 2, (minY + maxY) / 2] : [0.5, 0.5];
    this.pos = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      this.pos[2 * i] = (world[2 * i] as number) - this.origin[0];
      this.pos[2 * i + 1] = (world[2 * i + 1] as number) - this.origin[1];
    }
    this.color = new Uint8Array(4 * n);
    this.on = new Uint8Array(n);
    this.fillColours(colour);
    this.fillRows(rows);
  }

  private fillColours(colour: ColourKeys): void {
    const rgb = colour.colors.map(hexToRgb);
    const fallback = hexToRgb('#555555');
    for (let i = 0; i < this.table.size; i++) {
      const [r, g, b] = rgb[colour.code[i] as number] ?? fallback;
      this.color.set([r, g, b, COARSE.has(this.table.precision[i] as number) ? 128 : 255], 4 * i);
    }
  }

  private fillRows(rows: Uint32Array): void {
    this.on.fill(0);
    for (let k = 0; k < rows.length; k++) this.on[rows[k] as number] = 255;
  }

  /** Whether row i is drawn (passes the filters). */
  isOn(i: number): boolean {
    return this.on[i] === 255;
  }

  setRows(rows: Uint32Array): void {
    this.fillRows(rows);
    this.upload('on', this.on);
  }

  setColours(colour: ColourKeys): void {
    this.fillColours(colour);
    this.upload('color', this.color);
  }

  private upload(which: 'on' | 'color', data: Uint8Array): void {
    const gl = this.gl;
    if (!gl || !this.buffers) return;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers[which]);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, data);
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
      on: buffer(this.on, gl.DYNAMIC_DRAW),
    };
    const attribute = (name: string, b: WebGLBuffer, size: number, type: number, normalized: boolean) => {
      const loc = gl.getAttribLocation(program, name);
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, type, normalized, 0, 0);
    };
    attribute('a_pos', this.buffers.pos, 2, gl.FLOAT, false);
    attribute('a_color', this.buffers.color, 4, gl.UNSIGNED_BYTE, true);
    attribute('a_on', this.buffers.on, 1, gl.UNSIGNED_BYTE, true);
    gl.bindVertexArray(null);
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, args: CustomRenderMethodInput): void {
    if (!this.program || !this.vao || !this.uniforms || !this.map || !(gl instanceof WebGL2RenderingContext))
      return;
    // matrix × translate(origin), in double precision before it becomes float32.
    const m = args.modelViewProjectionMatrix;
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
    gl.uniform1f(this.uniforms.alpha, style.alpha);
    gl.uniform1f(this.uniforms.rim, style.rim);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.POINTS, 0, this.table.size);
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

/**
 * The point cloud's shaders (WebGL2). A site with one shown event is a marker in its color; a site
 * with many is a translucent dark circle growing with log2(count); alpha < 0.75 in a_color marks a
 * coarse (region/country) place, drawn hollow. A count of 0 hides the site.
 */
export const VERTEX = `#version 300 es
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

export const FRAGMENT = `#version 300 es
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

// The app exposes its map for tests that click on the canvas (see src/features/map/MapView.tsx).
interface Window {
  __atlasMap?: import('maplibre-gl').Map;
}

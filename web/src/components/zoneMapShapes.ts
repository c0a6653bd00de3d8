// Where each zone is drawn on the zone map: geometry only, keyed by the vocabulary's zone codes. A
// zone without a shape here still appears in the list beside the map.

export type Shape =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number }
  | { kind: 'polygon'; points: string };

export interface ZoneShape {
  shapes: Shape[];
  /** Where the depth label sits. */
  label: { x: number; y: number };
}

const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry });
const rect = (x: number, y: number, width: number, height: number): Shape => ({ kind: 'rect', x, y, width, height });

/** Face on the left (centre x 140), body from the front (x 380) and from the back (x 520). */
export const kZoneShapes: Record<string, ZoneShape> = {
  scalp: { shapes: [ellipse(140, 62, 62, 26)], label: { x: 140, y: 50 } },
  forehead: { shapes: [ellipse(140, 102, 52, 18)], label: { x: 140, y: 106 } },
  temple: { shapes: [ellipse(84, 132, 11, 18), ellipse(196, 132, 11, 18)], label: { x: 62, y: 120 } },
  periorbital: { shapes: [ellipse(114, 142, 20, 12), ellipse(166, 142, 20, 12)], label: { x: 140, y: 128 } },
  eyelid: { shapes: [ellipse(114, 142, 10, 5), ellipse(166, 142, 10, 5)], label: { x: 218, y: 150 } },
  nose: { shapes: [{ kind: 'polygon', points: '140,150 126,196 154,196' }], label: { x: 140, y: 190 } },
  cheeks: { shapes: [ellipse(100, 186, 22, 24), ellipse(180, 186, 22, 24)], label: { x: 100, y: 190 } },
  perioral: { shapes: [ellipse(140, 218, 28, 11)], label: { x: 140, y: 222 } },
  chin: { shapes: [ellipse(140, 246, 18, 10)], label: { x: 140, y: 250 } },
  jawline: {
    shapes: [{ kind: 'polygon', points: '84,214 96,240 120,258 124,250 102,234 92,212' }, { kind: 'polygon', points: '196,214 184,240 160,258 156,250 178,234 188,212' }],
    label: { x: 214, y: 246 },
  },
  neck: { shapes: [rect(116, 270, 48, 40)], label: { x: 140, y: 294 } },
  decollete: { shapes: [ellipse(380, 106, 38, 14)], label: { x: 380, y: 110 } },
  abdomen: { shapes: [rect(352, 150, 56, 70)], label: { x: 380, y: 190 } },
  hands: { shapes: [ellipse(318, 236, 11, 14), ellipse(442, 236, 11, 14)], label: { x: 318, y: 266 } },
  thighs: { shapes: [rect(352, 248, 24, 70), rect(384, 248, 24, 70)], label: { x: 380, y: 290 } },
  back: { shapes: [rect(492, 92, 56, 110)], label: { x: 520, y: 150 } },
};

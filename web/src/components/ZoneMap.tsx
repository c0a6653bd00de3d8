// The plan's zone map: face and body, each requested zone coloured by the screening's status and
// showing its depth range; hovering, focusing or tapping a zone explains what limits it.

import { useState } from 'preact/hooks';
import { labelOf } from '../api/knowledge';
import type { DecisionZone, VocabularyZone } from '../api/types';
import { kLimitedByWords, kZoneStatusWords } from '../consultation/decisionWords';
import { formatDepthRange } from '../format';
import { Badge } from './Badge';
import { kZoneShapes, type Shape } from './zoneMapShapes';

interface ZoneMapProps {
  zones: VocabularyZone[];
  decided: DecisionZone[];
  /** Zones in the plan, drawn with a heavy outline. */
  planned: string[];
}

function ShapeElement({ shape }: { shape: Shape }) {
  if (shape.kind === 'ellipse') return <ellipse cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} />;
  if (shape.kind === 'rect') return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={6} />;
  return <polygon points={shape.points} />;
}

function describe(zoneLabel: string, decided: DecisionZone): string {
  return `${zoneLabel}: ${kZoneStatusWords[decided.status]}, ${formatDepthRange(decided.depth_mm)}; ${kLimitedByWords[decided.limited_by]}.`;
}

export function ZoneMap({ zones, decided, planned }: ZoneMapProps) {
  const [shown, setShown] = useState<string | null>(decided[0]?.zone ?? null);
  const decidedByZone = new Map(decided.map((zone) => [zone.zone, zone]));
  const shownZone = shown ? decidedByZone.get(shown) : undefined;
  const unmapped = decided.filter((zone) => !kZoneShapes[zone.zone]);
  return (
    <div class="zone-map">
      <svg viewBox="0 0 600 340" role="group" aria-label="Zone map of the face and body" class="zone-map-svg">
        <g class="outline" aria-hidden="true">
          <ellipse cx="140" cy="160" rx="72" ry="112" />
          <circle cx="380" cy="52" r="24" />
          <path d="M340 84 h80 l24 150 h-14 l-14 -100 v184 h-32 v-120 h-8 v120 h-32 v-184 l-14 100 h-14 z" />
          <circle cx="520" cy="52" r="24" />
          <path d="M480 84 h80 l10 140 h-20 v94 h-60 v-94 h-20 z" />
          <text x="140" y="330">Face</text>
          <text x="380" y="336">Front</text>
          <text x="520" y="336">Back</text>
        </g>
        {zones.map((zone) => {
          const geometry = kZoneShapes[zone.code];
          if (!geometry) return null;
          const decision = decidedByZone.get(zone.code);
          if (!decision) {
            return (
              <g key={zone.code} class="zone zone-unrequested" aria-hidden="true">
                {geometry.shapes.map((shape, index) => <ShapeElement key={index} shape={shape} />)}
              </g>
            );
          }
          const text = describe(zone.label, decision);
          const classes = ['zone', `zone-${decision.status}`, planned.includes(zone.code) ? 'zone-planned' : '', shown === zone.code ? 'zone-shown' : ''].join(' ');
          return (
            <g
              key={zone.code}
              class={classes}
              role="button"
              tabIndex={0}
              aria-label={text}
              aria-pressed={shown === zone.code}
              onClick={() => setShown(zone.code)}
              onFocus={() => setShown(zone.code)}
              onMouseEnter={() => setShown(zone.code)}
              onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), setShown(zone.code))}
            >
              <title>{text}</title>
              {geometry.shapes.map((shape, index) => <ShapeElement key={index} shape={shape} />)}
              <text class="zone-depth" x={geometry.label.x} y={geometry.label.y}>
                {decision.depth_mm ? `${decision.depth_mm.max}` : '×'}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="zone-explain" aria-live="polite">
        {shownZone ? (
          <>
            <h3>
              {labelOf(zones, shownZone.zone)} <Badge tone={shownZone.status}>{kZoneStatusWords[shownZone.status]}</Badge>
            </h3>
            <p>
              Needle depth: <strong>{formatDepthRange(shownZone.depth_mm)}</strong>
            </p>
            <p>Limited by: {kLimitedByWords[shownZone.limited_by]}.</p>
          </>
        ) : (
          <p class="muted">Point at, focus or tap a zone to see what limits it.</p>
        )}
        <ul class="zone-legend" aria-label="Colours of the map">
          <li><span class="swatch zone-ok" aria-hidden="true" /> {kZoneStatusWords.ok}</li>
          <li><span class="swatch zone-deferred" aria-hidden="true" /> {kZoneStatusWords.deferred}</li>
          <li><span class="swatch zone-blocked" aria-hidden="true" /> {kZoneStatusWords.blocked} or {kZoneStatusWords.out_of_scope.toLowerCase()}</li>
          <li><span class="swatch swatch-planned" aria-hidden="true" /> In the plan</li>
        </ul>
        <p class="help">Numbers on the map are the deepest setting allowed, in millimetres.</p>
        {unmapped.length > 0 && (
          <ul class="list-plain">
            {unmapped.map((zone) => (
              <li key={zone.zone}>{describe(labelOf(zones, zone.zone), zone)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

// A signature drawn with a finger, pen or mouse (pointer events), or the typed name written in for
// those who sign from the keyboard. Reports the drawing as a PNG data URL, or '' when blank.

import { useEffect, useRef } from 'preact/hooks';

interface SignaturePadProps {
  label: string;
  typedName: string;
  onChange: (dataUrl: string) => void;
  error?: string | undefined;
}

const kWidth = 600;
const kHeight = 180;

export function SignaturePad({ label, typedName, onChange, error }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);

  const context = () => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return null;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#14213d';
    ctx.fillStyle = '#14213d';
    return ctx;
  };

  const point = (event: PointerEvent) => {
    const canvas = canvasRef.current!;
    const box = canvas.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * kWidth, y: ((event.clientY - box.top) / box.height) * kHeight };
  };

  const report = () => onChange(inked.current ? canvasRef.current!.toDataURL('image/png') : '');

  const clear = () => {
    context()?.clearRect(0, 0, kWidth, kHeight);
    inked.current = false;
    report();
  };

  const writeTypedName = () => {
    const ctx = context();
    if (!ctx || !typedName.trim()) return;
    ctx.clearRect(0, 0, kWidth, kHeight);
    ctx.font = 'italic 44px serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(typedName.trim(), 24, kHeight / 2, kWidth - 48);
    inked.current = true;
    report();
  };

  useEffect(() => {
    const canvas = canvasRef.current!;
    const down = (event: PointerEvent) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      drawing.current = true;
      const ctx = context();
      const { x, y } = point(event);
      ctx?.beginPath();
      ctx?.moveTo(x, y);
      ctx?.lineTo(x + 0.1, y + 0.1);
      ctx?.stroke();
    };
    const move = (event: PointerEvent) => {
      if (!drawing.current) return;
      const ctx = context();
      const { x, y } = point(event);
      ctx?.lineTo(x, y);
      ctx?.stroke();
      inked.current = true;
    };
    const up = () => {
      if (!drawing.current) return;
      drawing.current = false;
      inked.current = true;
      report();
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div class={error ? 'signature has-error' : 'signature'}>
      <p class="signature-label" id="signature-label">
        {label}
      </p>
      <canvas ref={canvasRef} width={kWidth} height={kHeight} class="signature-canvas" role="img" aria-labelledby="signature-label" />
      <div class="row">
        <button type="button" class="button secondary small" onClick={clear}>
          Clear signature
        </button>
        <button type="button" class="button secondary small" onClick={writeTypedName} disabled={!typedName.trim()}>
          Sign with the typed name
        </button>
      </div>
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}

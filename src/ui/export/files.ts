/** Saving files from the page: a download of a blob, and an SVG drawn onto a canvas as a PNG. */

/** An SVG document as text with its size in CSS pixels. */
export interface SvgPicture {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the URL after click() returns, later still on a busy machine.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const saveText = (text: string, name: string, type = 'text/plain'): void =>
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);

/** A slide: the picture fitted into 1920×1080, centred, the margins in the picture's background. */
export interface SlideFrame {
  readonly width: number;
  readonly height: number;
  readonly background: string;
}

export const SLIDE_16_9 = { width: 1920, height: 1080 } as const;

/** Where a width×height picture lands in a frame: as large as fits, centred. */
export function fitInFrame(width: number, height: number, frame: { width: number; height: number }) {
  const scale = Math.min(frame.width / width, frame.height / height);
  return { scale, x: (frame.width - width * scale) / 2, y: (frame.height - height * scale) / 2 };
}

/**
 * Draws the SVG on a canvas `scale` times its size and encodes it as PNG; with a `frame`, the
 * canvas is the frame's size instead (a 16:9 slide) and the picture is fitted into it.
 */
export async function svgToPngBlob(
  { text, width, height }: SvgPicture,
  scale = 2,
  frame?: SlideFrame,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    const place = frame ? fitInFrame(width, height, frame) : { scale, x: 0, y: 0 };
    canvas.width = frame ? frame.width : Math.round(width * scale);
    canvas.height = frame ? frame.height : Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    if (frame) {
      context.fillStyle = frame.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(image, place.x, place.y, width * place.scale, height * place.scale);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

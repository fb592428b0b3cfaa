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

/** Draws the SVG on a canvas `scale` times its size and encodes it as PNG. */
export async function svgToPngBlob({ text, width, height }: SvgPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
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

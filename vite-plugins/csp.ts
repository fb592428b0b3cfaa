/**
 * The Content-Security-Policy of the built app (docs/robustness.md), as a meta tag added to
 * index.html at build time only: the dev server injects inline scripts and styles for hot reload,
 * which this policy forbids.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' compiles WebAssembly modules; it allows no JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  // React sets style={{…}} through the CSSOM, which style-src does not govern: no 'unsafe-inline'.
  "style-src 'self'",
  // data: is the inline favicon; blob: the chart's SVG drawn into a canvas for the PNG export.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'nestwalk-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

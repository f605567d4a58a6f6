/**
 * Reads a file as text the way browsers decode fetched and dropped files (src/data/text.ts): a
 * leading UTF-8 byte-order mark dropped, invalid bytes replaced. For every script that reads data.
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../src/data/text.ts';

export const readText = (path: string): string => decodeUtf8(readFileSync(path));

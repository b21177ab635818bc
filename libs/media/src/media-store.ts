import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Where the files members send are kept: the local filesystem by default. */
export interface MediaStore {
  put(key: string, bytes: Buffer, contentType?: string): Promise<void>;
  /** The file's bytes, or null when there is none under that key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes every file under a prefix (a member's or a message's); nothing there is fine. */
  remove(prefix: string): Promise<void>;
  /** A URL that reads the file without credentials until it expires; null when the store serves none (a directory). */
  signedUrl(key: string, expiresInSeconds: number): Promise<string | null>;
}

/** Keys are made of our own ids (`<workspaceId>/<messageSid>/<index>`); anything else is refused. */
const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

export function assertMediaKey(key: string): void {
  if (!KEY.test(key) || key.split('/').includes('..')) throw new Error(`Not a media key: ${key}`);
}

/**
 * Files under one directory, one file per key. Writes go to a temporary name first, so a reader
 * never sees half a file; several services share the directory (a volume in compose).
 */
export class FileMediaStore implements MediaStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.part`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(prefix: string): Promise<void> {
    await rm(this.path(prefix), { recursive: true, force: true });
  }

  /** A directory serves no URLs: only the services that share it read its files. */
  signedUrl(): Promise<string | null> {
    return Promise.resolve(null);
  }

  private path(key: string): string {
    assertMediaKey(key);
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Not a media key: ${key}`);
    return path;
  }
}

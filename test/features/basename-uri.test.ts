// Issue 17 follow-up: a workspace file whose name holds a malformed percent escape (`bad%E0%A4%A.commspec.yaml`, or a
// uri an editor sends as-is) made baseName's decodeURIComponent throw a URIError, so completion (and hover, which
// names the file a symbol is declared in) failed for every document of the workspace. It now shows the name undecoded.
import { describe, expect, it } from 'vitest';
import { completion } from '../../server/src/service/features/completion';
import { baseName } from '../../server/src/service/features/common';
import { at, fixture } from './helpers';

const spec = fixture('spec.commspec.yaml');
const framework = fixture('framework.commspec.yaml');

describe('a malformed percent escape in a workspace file name', () => {
  it('completion of a framework id still lists the frameworks, naming the file as written', () => {
    const other = framework.replace('id: riverside-cyp', 'id: hostile-cyp');
    const { a, offset, ws, uri } = at('spec.commspec.yaml', spec.replace('{ id: riverside-cyp,', '{ id: |riverside-cyp,'));
    // the other frameworks are open in the editor, as the workspace lists them
    ws.open(uri('bad%E0%A4%A.commspec.yaml'), other, 1);
    ws.open(uri('ok%20name.commspec.yaml'), other.replace('hostile-cyp', 'spaced-cyp'), 1);
    const items = completion(a, offset, ws);
    expect(items.find((i) => i.label === 'hostile-cyp')?.detail).toBe('framework in bad%E0%A4%A.commspec.yaml');
    // well-formed escapes are still decoded
    expect(items.find((i) => i.label === 'spaced-cyp')?.detail).toBe('framework in ok name.commspec.yaml');
    expect(items.find((i) => i.label === 'riverside-cyp')?.detail).toBe('framework in framework.commspec.yaml');
  });

  it('baseName never throws', () => {
    for (const uri of ['file:///ws/%', 'file:///ws/%zz', 'file:///ws/a%E0%A4%A', 'file:///ws/%C0%80', 'file:///ws/%ED%A0%80.yaml', 'C:\\ws\\%E0']) {
      expect(() => baseName(uri)).not.toThrow();
    }
    expect(baseName('file:///ws/a%E0%A4%A')).toBe('a%E0%A4%A');
    expect(baseName('file:///ws/a%20b')).toBe('a b');
  });
});

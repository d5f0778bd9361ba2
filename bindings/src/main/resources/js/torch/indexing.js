'use strict';
// Index expressions for x.index(...) and x.index_put_(...). JavaScript has no x[0, 1:3], so the
// items of Python's subscript become arguments:
//
//   Python            JavaScript
//   x[0]              x.index(0)
//   x[:3, :3]         x.index(':3', ':3')   or   x.index(':3, :3')
//   x[1:, None]       x.index('1:', null)
//   x[..., -1]        x.index('...', -1)
//   x[::2]            x.index('::2')
//   x[idx], x[mask]   x.index(idxTensor), x.index([0, 2]), x.index(maskTensor)
//   x[0, :] = 5       x.index_put_([0, ':'], 5)
//
// A string may hold several comma-separated items, so a Python subscript can be pasted as it is.

const { J, TABLES, ZERO_BASED, classes } = require('./bridge.js');

const BAD_INDEX = 'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices';

/** The engine's index items for a list of JavaScript index items. */
function indexItems(items) {
  const out = [];
  for (const item of items) {
    if (typeof item === 'string') {
      for (const part of item.split(',')) {
        out.push(parseItem(part.trim()));
      }
    } else {
      out.push(valueItem(item));
    }
  }
  return out;
}

function valueItem(item) {
  if (item === null || item === undefined) {
    return J.Index.NEW_AXIS;
  }
  if (typeof item === 'number' && Number.isInteger(item)) {
    return J.Index.at(item);
  }
  if (typeof item === 'bigint') {
    return J.Index.at(Number(item));
  }
  if (item instanceof classes.Tensor) {
    return J.Index.select(item._t);
  }
  if (typeof item === 'boolean' || Array.isArray(item) || ArrayBuffer.isView(item)) {
    const values = typeof item === 'boolean' ? item : Array.from(item);
    const dtype = [].concat(values).every((v) => typeof v === 'boolean') ? J.DType.BOOL : J.DType.INT64;
    return J.Index.select(TABLES.standard.call('tensor', [values], { dtype }, ZERO_BASED));
  }
  throw indexError(`${BAD_INDEX} (got ${describe(item)})`);
}

/** One item written as in Python: "3", "-1", ":", "1:3", "::2", "...", "None". */
function parseItem(text) {
  if (text === '...') {
    return J.Index.ELLIPSIS;
  }
  if (text === 'None' || text === 'null') {
    return J.Index.NEW_AXIS;
  }
  if (/^-?\d+$/.test(text)) {
    return J.Index.at(Number(text));
  }
  const bounds = text.split(':');
  if (bounds.length < 2 || bounds.length > 3 || !bounds.every((b) => /^\s*(-?\d+)?\s*$/.test(b))) {
    throw indexError(`${BAD_INDEX} (got '${text}')`);
  }
  const [start, stop, step] = bounds.map((b) => (b.trim() === '' ? null : Number(b)));
  return J.Index.slice(start, stop, step === undefined ? null : step);
}

/** PyTorch raises IndexError here; JavaScript's nearest error is RangeError. */
function indexError(message) {
  const error = new RangeError(message);
  Object.defineProperty(error, 'torchName', { value: 'IndexError' });
  return error;
}

function describe(item) {
  if (typeof item === 'number') {
    return 'float';
  }
  return item !== null && typeof item === 'object' ? item.constructor.name : typeof item;
}

module.exports = { indexItems };

const base = require('../../jest.preset.js')(__dirname, 'preferences');
const swc = base.transform['^.+\\.ts$'];

// @marcbachmann/cel-js ships only ES modules: compile it to CommonJS for jest (node runs it as is).
module.exports = {
  ...base,
  transform: { ...base.transform, '^.+/node_modules/@marcbachmann/cel-js/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@marcbachmann/cel-js/)'],
};

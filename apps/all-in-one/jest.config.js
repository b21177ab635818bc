module.exports = require('../../jest.preset.js')(__dirname, 'all-in-one');

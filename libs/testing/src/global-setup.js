// One id per jest run: every namespace (schemas, streams) this run creates starts with jt<id>.
module.exports = async () => {
  process.env.TEST_RUN_ID = process.env.TEST_RUN_ID || Date.now().toString(36).slice(-6);
};

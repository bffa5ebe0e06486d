exports.handler = async (event) => {
  console.log(JSON.stringify({ received: event.detail?.orderId }));
  return { ok: true };
};

/**
 * Boots Web Chat (the prebuilt bundle, loaded by index.html as window.WebChat)
 * on the local connection, then puts the cursor in the message box so the
 * page works from the keyboard alone.
 */
/* global document, window */
import { createLocalDirectLine } from './directLine.mjs';

const botName = document.getElementById('bot-name').textContent.trim();
const directLine = createLocalDirectLine({ bot: { id: 'bot', name: botName } });
const host = document.getElementById('webchat');

window.WebChat.renderWebChat(
  {
    directLine,
    userID: 'local-user',
    locale: 'en-GB',
    styleOptions: {
      botAvatarInitials: 'SG',
      userAvatarInitials: 'You',
      hideUploadButton: true,
    },
  },
  host,
);

const focusSendBox = () => {
  const input = host.querySelector('input[type="text"], textarea');
  if (input) input.focus();
  return Boolean(input);
};
if (!focusSendBox()) {
  const observer = new window.MutationObserver(() => focusSendBox() && observer.disconnect());
  observer.observe(host, { childList: true, subtree: true });
}

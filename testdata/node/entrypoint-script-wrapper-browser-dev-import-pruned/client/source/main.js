import { AES } from 'crypto-js';

export function encrypt(text, key) {
	return AES.encrypt(text, key).toString();
}

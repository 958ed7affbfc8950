/**
 * The join screen works before its scripts arrive. On a weak signal the page's JavaScript takes
 * seconds longer than its HTML, so the page carries a few hundred bytes of plain script, right
 * after the join form, that lets the person join at once: it makes up the phone's token (as the
 * full page would), keeps it on the phone and says "Joining…". When the full page starts it
 * switches this off and finds the token, and the live café joins with it. A phone that joined
 * before is recognised as the page is read, so it never shows the form again.
 *
 * The name box has no `name` attribute: if even this script cannot run, the form sends nothing
 * anywhere (a person's name never ends up in an address or a log).
 */

/** Where a phone keeps its token and name for one café (`localStorage`). */
export const phoneStorageKey = (code: string) => `cafe:p:${code}`;

/** Ids the page and this script share. */
export const JOIN_FORM_ID = 'join-form';
export const NAME_INPUT_ID = 'name';

/** Called by the full page when it takes over (the script's submit handler comes off). */
export const EARLY_JOIN_OFF = '__cafeEarlyJoinOff';

/** Tokens as the phone's own code makes them (nanoid's alphabet, 32 characters). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** The script, for one café's page. Plain ES5: it runs before anything else has loaded. */
export function earlyJoinScript(code: string): string {
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `(function(key,formId,inputId,off,abc){
var form=document.getElementById(formId);
if(!form)return;
var has=function(){try{return !!localStorage.getItem(key)}catch(e){return false}};
if(has()){form.setAttribute('data-joining','');return}
function submit(e){
e.preventDefault();
if(form.hasAttribute('data-joining'))return;
var identity=form.getAttribute('data-identity');
var input=document.getElementById(inputId);
var name=input?input.value.replace(/^\\s+|\\s+$/g,''):'';
if(identity==='named'&&!name){form.setAttribute('data-missing-name','');if(input)input.focus();return}
if(!window.crypto||!crypto.getRandomValues)return;
var bytes=crypto.getRandomValues(new Uint8Array(32)),token='';
for(var i=0;i<32;i++)token+=abc.charAt(bytes[i]&63);
try{localStorage.setItem(key,JSON.stringify({token:token,name:identity==='anonymous'?null:(name||null)}))}catch(e){return}
form.setAttribute('data-joining','');
}
form.addEventListener('submit',submit);
window[off]=function(){form.removeEventListener('submit',submit)};
})(${json(phoneStorageKey(code))},${json(JOIN_FORM_ID)},${json(NAME_INPUT_ID)},${json(EARLY_JOIN_OFF)},${json(ALPHABET)});`;
}

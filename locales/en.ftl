# Interface strings for English, the site's reference language.
# Every other language has exactly these ids (`leg-pain-guide check` says where one is missing).
# { $number } is the emergency number from the settings. Values start after "= ";
# a value that must begin or end with a space is written { " like this " }.

language-name = English
site-name = Leg Pain at Night
site-about = Leg pain at night
og-locale = en_US

## The layout around every page

layout-skip-link = Skip to main content
layout-site-menu = Site
layout-footer-menu = Footer
layout-languages = Language
layout-warning-signs = Warning signs
layout-strip-lead = Get help now:
layout-strip-text = call { $number } if { $signs }.
layout-strip-or = {", or if "}
layout-strip-link = Warning signs
layout-embed-credit-before = From
layout-embed-credit-after = plain-language information on leg pain at night. Not a diagnosis.
layout-disclaimer = This site explains leg pain at night in plain words. It is not a diagnosis and does not replace advice from a doctor or nurse who knows you.
layout-privacy-line = No cookies. No trackers. Nothing you enter is stored.

## Content pages

page-guide-contents = Guide contents
page-on-this-page = On this page
page-previous-next = Previous and next pages
page-previous = Previous
page-next = Next
page-sources = Sources
page-not-advice = This page is general information, not a substitute for professional medical advice. If you are worried, talk to a doctor.
page-last-reviewed = Page last reviewed:
page-next-review = Next review due:
page-reading-grade = Reading level: about grade { $grade }
page-reading-ease = Reading ease: { $score } out of 100 ({ $band }) on the INFLESZ scale
page-review-overdue-title = This page is overdue for review.
page-review-overdue = It was due to be checked against its sources by the date below, and that has not happened yet. If anything here worries you, ask a doctor or nurse.

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

source-000 = Docus symptoms guide, 15 April 2024, docus.ai/symptoms-guide/understanding-aching-legs-at-night
source-001 = publisher not named, undated

# The bands of the INFLESZ reading scale (used for Spanish pages).
inflesz-very-hard = very hard
inflesz-somewhat-hard = somewhat hard
inflesz-normal = normal
inflesz-fairly-easy = fairly easy
inflesz-very-easy = very easy

## Care cards: heard first by screen-reader users

card-emergency-prefix = Immediate action required:
card-urgent-prefix = Urgent advice:
card-non-urgent-prefix = Non-urgent advice:
card-self-care-prefix = Self-care advice:

# Headings of the warning-sign cards, made from the rules of each level.
signs-emergency-heading = Call { $number } or go to the emergency department now if
signs-urgent-heading = Contact a doctor within 24 hours (if the office is closed, its after-hours line or an urgent care center) if
signs-routine-heading = Book an appointment with a doctor if

## The symptom check: questions

form-section-warning_signs = Warning signs
form-section-warning_signs-intro = These questions come first because some signs need care quickly.
form-section-about_the_pain = About the pain
form-section-anything_else = Anything else (optional)
form-section-anything_else-intro = Tick any that apply. You can leave these empty.

answer-yes = Yes
answer-no = No
answer-unsure = I'm not sure

q-one_leg_signs = Is one of your legs swollen, red, warm or sore to touch?
q-one_leg_signs-hint = Answer yes if one leg, or part of one, has any of these more than the other. If both legs are equally swollen, red or warm, or you cannot tell, answer I'm not sure. Look at both legs, feel them, and compare.
q-breathless = Are you short of breath (new, or more than usual for you), or do you have chest pain?
q-numbness = Do you have numbness, tingling or weakness in your leg or foot?
q-skin_changes = Has the skin on your leg or foot changed?
q-skin_changes-hint = For example, a new colour, shiny skin, or sores that do not heal.
q-injury = Did the pain start after an injury to your leg?

q-severity = How bad is the pain?
q-severity-mild = Mild
q-severity-moderate = Moderate
q-severity-severe = Severe

q-onset = When did the pain start?
q-onset-days = Days ago
q-onset-days-hint = Within the last week
q-onset-weeks = Weeks ago
q-onset-weeks-hint = One to four weeks ago
q-onset-months = Months ago
q-onset-months-hint = More than a month ago

q-frequency = How often do you get the pain?
q-frequency-occasional = Occasionally
q-frequency-occasional-hint = Now and then, not most nights
q-frequency-most_nights = Most nights

q-course = Over the last few days, how has the pain changed?
q-course-better = It is getting better
q-course-same = It is about the same
q-course-worse = It is getting worse

q-sleep_impact = How much does the pain affect your sleep or daily life?
q-sleep_impact-little = A little
q-sleep_impact-some = Some
q-sleep_impact-a_lot = A lot
q-sleep_impact-a_lot-hint = It gets in the way of your sleep or daily activities a lot

q-home_care = Have you tried home care for a few days?
q-home_care-hint = For example stretching, massage, warmth, and drinking enough water.
q-home_care-not_tried = No, not yet
q-home_care-helped = Yes, and it helped
q-home_care-not_helped = Yes, but it has not helped

q-feelings = What does the pain feel like?
q-feelings-hint = Select all that apply. Leave them all blank if none apply.
q-feelings-cramp = Cramp
q-feelings-cramp-hint = A sudden, tight, painful muscle
q-feelings-urge_to_move = An urge to move your legs
q-feelings-urge_to_move-hint = It eases when you move them
q-feelings-burning_tingling = Burning or tingling
q-feelings-shooting_from_back = Shooting pain
q-feelings-shooting_from_back-hint = It runs down your leg from your lower back or buttock
q-feelings-aching_throbbing = Aching or throbbing
q-feelings-heaviness = Heavy legs
q-feelings-tired_legs = Tired legs
q-feelings-tired_legs-hint = Your legs feel tired or worn out
q-feelings-joint_stiffness = Stiff, painful joints

q-conditions = Do you have any of these health problems?
q-conditions-hint = Select all that apply. Leave them all blank if none apply.
q-conditions-diabetes = Diabetes
q-conditions-heart_disease = Heart disease
q-conditions-blood_clot_history = A blood clot in the past
q-conditions-varicose_veins = Varicose veins
q-conditions-varicose_veins-hint = Enlarged, twisted veins
q-conditions-arthritis = Arthritis

q-factors = Do any of these apply to you?
q-factors-hint = Select all that apply. Leave them all blank if none apply.
q-factors-long_standing_or_exercise = Long hours on your feet, or hard exercise
q-factors-long_sitting = Sitting still for long periods
q-factors-little_water = Drinking little water
q-factors-smoking = Smoking
q-factors-alcohol = Drinking a lot of alcohol

## The symptom check: the form

form-privacy = Your answers are used once to show your result. They are not stored, and they are not put in the page address.
form-heading = Check your symptoms
form-description = A short set of questions about your leg pain that tells you how soon to get help.
form-step-signs = Step 1 of 2, warning signs
form-step-details = Step 2 of 2, about your pain
form-step-1-of-2 = Step 1 of 2: warning signs first
form-step-2-of-2 = Step 2 of 2: about your pain
form-sign-answers-heading = Your answers about warning signs
form-sign-answers-change = To change them, use the button at the end of this page. Nothing you have entered will be lost.
form-no-time-limit = There is no time limit. Take as long as you need.
form-continue = Continue
form-change-signs = Change my answers about warning signs
notice-heading = From your answers so far: contact a doctor within 24 hours
notice-now-or-later = You can see your result now. Or answer the questions below first, and press the button at the end: then your result also lists possible causes, and a fuller summary for your appointment.
notice-see-result-now = See my result now
notice-now-leaves-out = This button leaves out anything you answer further down this page.
form-submit = See my result
form-error-title-prefix = {"Error: "}
form-error-summary-title = There is a problem
form-error-prefix = Error:
form-missing-sign = Answer yes, no or I'm not sure: { $question }
form-missing-one-of = Choose one answer: { $question }
form-error-not-an-option = Choose one of the answers listed
form-error-more-than-one = Choose one answer only
form-error-not-listed = Choose only the answers listed

## The symptom check: the result

result-page-title = Your result
result-page-description = The result of the symptom check for leg pain at night.
result-heading = Your symptom check result
result-how-it-works = How the symptom check decides
result-not-diagnosis = This result is not a diagnosis. Only a doctor or nurse who examines you can tell what is causing your pain.
result-early-heading = Questions you did not answer
result-early-intro = Your answers about warning signs were enough to tell how soon to get help, so we showed your result straight away. You did not answer these questions, so the result may not list every possible cause:
result-why = Why you got this result
result-causes-heading = Possible causes to talk about with a doctor
result-causes-intro = These are things your answers have in common with some causes of leg pain at night. They are not a diagnosis: a doctor can tell you more.
result-causes-heading-self-care = Causes that match some of your answers
result-causes-intro-self-care = Some causes of leg pain at night match some of your answers. This is not a diagnosis. Read about them to learn more.
result-causes-none = Your answers did not point to one cause in particular.
result-causes-none-link = Read about the common causes.
result-come-back = Get help sooner if
result-come-back-emergency = Get help now if you notice
result-come-back-emergency-group = While you wait for help, call { $number } straight away if these start, come back or get worse:
result-home-care-heading = What you can do at home
result-home-care-limits = These steps ease the pain at the time. They do not treat a health problem that may be causing it.
result-withheld-lead = We left out some home-care steps because of your answers:
result-withheld-ask = Ask your doctor or pharmacist which are safe for you.
list-and = {" and "}
list-comma = {", "}
result-home-care-more = More about relief at home
result-summary-heading = Take this to your appointment
result-summary-heading-emergency = Show this to the doctor or nurse
result-summary-intro = Print this page, or show it on your phone. Nothing you entered is kept: when you leave this page, it is gone.
result-summary-date = Date:
result-summary-result = Result:
result-summary-none = None chosen
result-summary-not-answered = Not answered
result-restart = Start the symptom check again

urgency-self_care-title = Try home care first
urgency-self_care-advice = See a doctor if any of the warning signs below appear, or if the pain does not get better after a few days of home care.
urgency-routine-title = Book an appointment with a doctor
urgency-routine-advice = Home care can help while you wait. If you do not have a regular doctor, you can go to a community health center or an urgent care center.
urgency-urgent-title = Contact a doctor within 24 hours
urgency-urgent-advice = Call your doctor's office as soon as it opens. If it will not open within 24 hours, for example at night or at a weekend, call its after-hours line or go to an urgent care center. If you do not have a regular doctor, go to an urgent care center.
urgency-emergency-title = Get medical help now
urgency-emergency-advice = Call { $number } or go to the emergency department now.

## The rules: the reason a reader is shown, the warning sign in a list, and the source passage

rule-E1-reason = You said one of your legs is swollen, red, warm or sore to touch. This can be a sign of a blood clot in a deep vein (deep vein thrombosis, DVT), which needs medical help straight away.
rule-E1-sign = one of your legs, or any part of one leg, is swollen, red, warm or sore to touch
rule-E1-source = 001: "Leg pain with swelling, redness, warmth, or tenderness in one leg … could indicate Deep Vein Thrombosis (DVT) and requires immediate medical attention." 000: "Immediate medical attention is recommended if you experience swelling, redness, or increased warmth in a specific part of your leg"
rule-E2-reason = You said you are short of breath or have chest pain. With leg pain, this can mean that a blood clot has travelled to your lungs, or another serious problem. Get help straight away.
rule-E2-sign = you are short of breath (new, or more than usual for you) or have chest pain
rule-E2-source = 001: DVT "is a medical emergency due to the risk of the clot traveling to the lungs."
rule-E2-reading = The source names the danger, a clot travelling to the lungs, but not this sign. Asking about shortness of breath and chest pain is our safety choice.
rule-U1-reason = Your answers include numbness, tingling or weakness in your leg or foot, or a burning or tingling feeling. These are important signs to tell a doctor about.
rule-U1-sign = you have numbness, tingling or weakness in your leg or foot, or a burning or tingling feeling
rule-U1-source = 001: "Numbness, tingling, or weakness in the leg or foot … are important signs to report."
rule-U2-reason = You said the skin on your leg or foot has changed: a new colour, shiny skin, or sores that do not heal. These are important signs to tell a doctor about.
rule-U2-sign = the skin on your leg or foot has changed: a new colour, shiny skin, or sores that do not heal
rule-U2-source = 001: "changes in skin appearance like discoloration, shininess, or non-healing sores, are important signs to report."
rule-U3-reason = You said the pain started after an injury to your leg. Leg pain after an injury should be checked by a doctor.
rule-U3-sign = the pain started after an injury to your leg
rule-U3-source = 001: "If leg pain occurs after an injury … medical consultation is recommended."
rule-U4-reason = You have at least one of these: diabetes, heart disease or a past blood clot, and your leg pain is new or getting worse. People with these health problems should get advice within 24 hours when this happens.
rule-U4-sign = you have diabetes, heart disease or have had a blood clot, and your leg pain is new or getting worse
rule-U4-source = 001: "Individuals with pre-existing conditions like diabetes, heart disease, or a history of blood clots should … seek advice promptly if they experience new or worsening leg pain at night."
rule-U5-reason = You said the pain is getting worse. Leg pain that gets worse needs a doctor's advice within 24 hours.
rule-U5-sign = the pain is getting worse
rule-U5-source = 000: "Immediate medical attention is recommended if you experience swelling, redness, or increased warmth in a specific part of your leg, or if symptoms persist or worsen despite rest." 001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities."
rule-U5-reading = Source 000 asks for immediate attention when symptoms last or get worse despite rest. Read word for word, that would send every lasting ache to the emergency department. We follow 001 instead: pain that gets worse is urgent (within 24 hours), and pain that only lasts is a reason to book an appointment (R4, R5).
rule-U6-reason = You said you are not sure about a warning sign that needs help straight away. Look at both legs and feel them now. If one is swollen, red, warm or sore, or you are short of breath or have chest pain, call { $number }.
rule-U6-sign = you are not sure whether one leg is swollen, red, warm or sore, or whether you are short of breath or have chest pain
rule-U6-source = None: this is our safety choice. Not knowing never lowers the advice below urgent for a sign of an emergency (E1, E2).
rule-R1-reason = You said the pain gets in the way of your sleep or daily life a lot. Pain that disrupts your sleep or day this much is a reason to see a doctor.
rule-R1-sign = the pain disrupts your sleep or daily life a lot
rule-R1-source = 001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities." 000: "Severe Discomfort"
rule-R2-reason = You said the pain is severe. Severe leg pain is a reason to see a doctor.
rule-R2-sign = the pain is severe
rule-R2-source = 001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities."
rule-R4-reason = You said home care has not helped. Pain that does not get better after a few days of home care should be checked by a doctor.
rule-R4-sign = the pain has not got better after a few days of home care, such as stretching, warmth or changes to your bed
rule-R4-source = 001: "does not improve after a few days of home remedies"; 000: "Persistent Pain: Consult a healthcare provider if leg aches continue despite home remedies"
rule-R5-reason = You said the pain comes most nights, started a week or more ago, and home care has not helped or you have not tried it. Pain that keeps coming back like this is a reason to see a doctor.
rule-R5-sign = the pain comes most nights, started a week or more ago, and home care has not helped or you have not tried it
rule-R5-source = 000 (FAQ): "For chronic or severe pain, consulting a healthcare provider is recommended." 001: "occasional leg pain at night can often be managed at home", so pain on most nights is not self-care.
rule-R6-reason = You have at least one of these: diabetes, heart disease or a past blood clot. Talk to your doctor about your leg pain at night, to make sure it is not a sign of a more serious problem.
rule-R6-sign = you have diabetes, heart disease or have had a blood clot
rule-R6-source = 000: "If you have known health issues such as diabetes or cardiovascular problems, discuss your nighttime leg aches with your doctor"; 001: people with "a history of blood clots should be vigilant"
rule-R7-reason = You said you feel an urge to move your legs. This is the main sign of restless legs syndrome (RLS), and if RLS is the cause, a doctor's advice is important.
rule-R7-sign = you feel a strong urge to move your legs that eases when you move them
rule-R7-source = 000: "For those whose leg aches are due to medical conditions, such as restless legs syndrome …, professional medical advice is essential"
rule-R8-reason = Your answers match signs of narrowed leg arteries (peripheral artery disease, PAD): legs that cramp, ache, feel heavy or feel tired, together with smoking, a lot of alcohol, diabetes or heart disease; or legs that feel heavy or tired on most nights. This needs a doctor's advice.
rule-R8-sign = your legs cramp, ache, feel heavy or tired and you smoke, drink a lot of alcohol, or have diabetes or heart disease, or they feel heavy or tired on most nights: these can be signs of narrowed leg arteries (PAD)
rule-R8-source = 000: "For those whose leg aches are due to medical conditions, such as restless legs syndrome or peripheral artery disease, professional medical advice is essential" 001: PAD causes "cramping, heaviness, or fatigue, especially at night"; 000: smoking and excessive alcohol use "negatively affect circulation", and "If you have known health issues such as diabetes or cardiovascular problems, discuss your nighttime leg aches with your doctor"
rule-R9-reason = You said you are not sure about numbness, a change in your skin, or an injury. Ask about it at your appointment. If you notice it, contact a doctor within 24 hours: if the office is closed, call its after-hours line or go to an urgent care center.
rule-R9-sign = you are not sure about numbness, tingling or weakness, a change in your skin, or an injury
rule-R9-source = None: this is our safety choice. 001 asks people to report these signs; when you are not sure, a doctor can check at an appointment.
rule-S0-reason = None of your answers is a warning sign, and none of them points to a health problem that needs a doctor now. Home care is a reasonable first step.
rule-S0-sign = none of the rules above applies to your answers
rule-S0-source = 001: "occasional leg pain at night can often be managed at home"

## Home-care steps on the result (self-care and routine results only)

tip-stretch = Stretch the sore muscle gently: straighten your leg and pull your toes up towards your shin.
tip-massage = Rub the sore muscle gently.
tip-warmth = Try warmth, such as a warm bath or a heating pad, to relax the muscle.
tip-cold = Put an ice pack on a sore spot for a short time. Cold can calm inflammation and numb the area.
tip-water = Drink enough water through the day. Too little water can bring on cramps. If your doctor has told you to limit fluids, follow that.
tip-move = When the pain comes, walk around the room or press your feet against the floor.
tip-pain_relief = Pain relief from a pharmacy, such as ibuprofen or acetaminophen, can ease the pain for a while. Follow the pack. If you take a blood thinner or any other medicine, ask a pharmacist first.
tip-raise_legs = Ask at your appointment whether raising your legs when you lie down would help.
tip-raise_legs-when = Only on a result that says to book an appointment, and only when varicose veins is a possible cause.
tip-stretch-name = stretching
tip-massage-name = rubbing the muscle
tip-warmth-name = warmth
tip-cold-name = an ice pack
tip-water-name = drinking more water
tip-move-name = walking around
tip-pain_relief-name = pain relief from a pharmacy
tip-raise_legs-name = raising your legs
tip-massage-withheld-when = Left out if you have had a blood clot.
tip-warmth-withheld-when = Left out if you have numbness, tingling or weakness, or skin changes (or are not sure), a burning or tingling feeling, or diabetes, or if narrowed leg arteries (PAD) is a possible cause.
tip-cold-withheld-when = Left out in the same cases as warmth.
tip-water-withheld-when = Left out if you have heart disease.
tip-pain_relief-withheld-when = Left out if you have had a blood clot or have heart disease.
tip-raise_legs-withheld-when = Left out if narrowed leg arteries (PAD) is a possible cause, or if you smoke, have diabetes or have heart disease. Lying flat already cuts the blood flow to legs with narrowed arteries.

## When the check names each possible cause (on /check/how-it-works)

cause-dvt-when = When you say one of your legs is swollen, red, warm or sore to touch, or that you are not sure.
cause-cramps-when = When you say the pain feels like a cramp.
cause-rls-when = When you say you feel an urge to move your legs.
cause-nerve_compression-when = When you say the pain shoots down from your lower back or buttock.
cause-neuropathy-when = When you say you feel burning or tingling, or you have numbness, tingling or weakness.
cause-pad-when = When your legs cramp, ache, feel heavy or feel tired and you smoke, drink a lot of alcohol, or have diabetes or heart disease; or your legs feel heavy or tired on most nights.
cause-varicose_veins-when = When you say you have varicose veins.
cause-arthritis-when = When you say you have arthritis or stiff, painful joints.
cause-exertion-when = When you spend long hours on your feet or do hard exercise.
cause-dehydration-when = When you say you drink little water.
cause-circulation-when = When you say you sit still for long periods, smoke, or drink a lot of alcohol.

## The published rules (/check/how-it-works)

how-levels = The four results
how-levels-intro = Every answer leads to one of these, the most urgent that any rule calls for.
how-rules = Every rule
how-rules-intro = Each rule looks at your answers. When it applies, the result says why in the words below, with a link to read more. The source is the passage of our sources the rule rests on. A few rules are our own safety choices, marked as such.
how-rule-when = Applies when
how-rule-reason = What the result says
how-rule-source = Source
how-rule-more = Read more
how-rule-reading = How we read the source
how-safety-choice = Our safety choice
how-safety-choice-rule = This rule, or the sign it asks about, is not in the sources' words. We chose it to keep people safe.
how-causes = Possible causes, and when the check names them
how-causes-intro = A possible cause is something to talk about with a doctor. It is never a diagnosis.
how-tips = Home-care steps, and when the check lists them
how-tips-intro = Only results that say "try home care first" or "book an appointment" list home-care steps. A result that says to get help now or within 24 hours lists none, so that nothing gets in the way of getting care. Some steps are left out for some people, because of their answers: the result names them, and asks you to check with a doctor or pharmacist. Leaving a step out is our safety choice.
how-tip-always = On every result that lists home care.
how-tested = How the check is tested
how-tested-cases = { $cases } worked cases: each is a short story with its answers and the result worked out by hand from the rules. Every one is run through the form and through the JSON API on every build.
how-tested-coverage = Together they bring out { $rules } of the { $rules_total } rules, { $causes } of the { $causes_total } possible causes and { $tips } of the { $tips_total } home-care steps.
how-tested-withheld = They leave out { $withheld } of the { $withheld_total } home-care steps that can be left out for some people.
how-tested-rules = Each rule, cause and home-care step has a test of its own, with near misses: answers that come close but must not set it off.
how-tested-properties = Property tests try every set of answers to the warning signs, and thousands of random sets of the other answers. They check that I'm not sure never gives a lower result than no or a higher one than yes; that adding a warning sign, a feeling, a health problem, smoking, alcohol, or pain that gets worse never makes the result less urgent; that a yes to an emergency sign always gives the emergency result, whatever else is sent; and that the result is always the most urgent rule that applies.
how-tested-browser = Every result is also checked in a real browser, with and without JavaScript, with the keyboard alone, and for accessibility.

## The clinic running this copy of the site

clinic-your-clinic = Your clinic:
clinic-call = Call
clinic-not-instead = In an emergency, call { $number } first.

## For clinics: the generated list of links

clinics-every-link = Every page and section, ready to copy
clinics-every-link-intro = Each address below works as it is. Section links open the page at that heading. Print a QR code for a waiting-room poster or a handout.
clinics-to-embed = To embed:
clinics-qr-alt = QR code that opens
clinics-qr-download = Download the QR code for
clinics-embed-heading = Embed the symptom check or a page
clinics-embed-intro = Paste this into your own web page. The check works inside the frame, with no JavaScript; links open in the full window.
clinics-embed-title = Symptom check for leg pain at night
clinics-embed-any = Any page can be embedded the same way: put /embed before its path, for example
clinics-codes-heading = Link from patient records by diagnosis code
clinics-codes-intro = Record systems that support HL7 Infobutton links (as MedlinePlus Connect uses them) can send patients to the right section by ICD-10-CM or SNOMED CT code. For example:
clinics-codes-redirect = With no response type, the link opens the section, for people to read.
clinics-codes-atom = For an Atom feed of the matching section, add
clinics-codes-json = For the same as JSON, add
clinics-codes-spanish = For the Spanish pages, add
clinics-codes-display-name = When a code is not one we know, the display name is matched against our section names. Send it with
clinics-codes-caption = Every code we map, and the section it opens. A code ending in … also stands for every code that starts with it; two codes joined by – stand for every code between them. Names are the official titles in each code system.
clinics-codes-system = Code system
clinics-codes-code = Code
clinics-codes-meaning = Official name
clinics-codes-opens = Opens

## Error pages

error-go-home = Go to the home page
error-use-check = Use the symptom check
error-when-to-get-help = See when to get help
error-not-found-heading = Page not found
error-not-found-message = We could not find that page. It may have moved, or the address may have a typing mistake.
error-read-only-heading = Method not allowed
error-read-only-message = This page can only be read: it does not accept forms or uploads.
error-form-only-heading = Method not allowed
error-form-only-message = This address accepts only reading the page or sending the symptom check form.
error-api-only-heading = Method not allowed
error-api-only-message = This address only accepts answers sent with POST as JSON.
error-too-large-heading = Your answers were too large to read
error-too-large-message = The form sent more than we accept. Please go back to the symptom check and try again.
error-not-a-form-heading = We could not read your answers
error-not-a-form-message = The answers were not sent the way a web form sends them. Please use the symptom check form.
error-not-json-heading = Send the answers as JSON
error-not-json-message = This address reads answers sent as application/json, not compressed.
error-unreadable-heading = We could not read your answers
error-unreadable-message = The answers did not arrive in full. Please use the symptom check form again.
error-timeout-heading = This took too long
error-timeout-message = Your answers took too long to arrive. Please check your connection and try the symptom check again.
error-uri-too-long-heading = Address too long
error-uri-too-long-message = That web address is too long for us to read. Please check it and try again.
error-headers-too-large-heading = Request too large
error-headers-too-large-message = Your browser sent more information than we accept. Please try again.
error-internal-heading = Something went wrong
error-internal-message = We could not show this page. Please try again.
error-code-system-heading = That code system is not supported
error-code-system-message = Links by diagnosis code work with ICD-10-CM and SNOMED CT codes. The causes page and the symptom check may still help.
error-code-malformed-heading = That is not a diagnosis code we can read
error-code-malformed-message = The link did not hold a diagnosis code in a form we can read. The causes page and the symptom check may still help.
error-code-not-found-heading = No page for this code
error-code-not-found-message = We have no page for that diagnosis code. The causes page and the symptom check may still help.
error-response-type-heading = That response type is not available
error-response-type-message = This address answers with a web page, an Atom feed or JSON.

## The JSON API's messages

api-invalid = Some answers are missing or not valid.
api-malformed = The body is not valid JSON.
api-missing = Required: send { $expected }
api-not-an-option = Send { $expected }
api-wrong-type = Send { $expected }, not { $got }
api-duplicate = Send this field once
api-not-an-object = Send a JSON object
api-unknown-lang = Send one of { $values }
api-expected-sign = true, false, "yes", "no" or "unsure"
api-expected-one-of = one of { $values }
api-expected-any-of = an array of strings from { $values }
api-type-null = null
api-type-bool = true or false
api-type-number = a number
api-type-string = a string
api-type-array = an array
api-type-object = an object

# issue 21: the accessibility statement

statement-contact-heading = How to get another format or report a problem
statement-contact-clinic = Your clinic runs this copy of the site. To ask for another format, or to report a problem with this site, contact:
clinic-website-of = Website of
statement-contact-site = To ask for another format, or to report a problem with this site, write to:
statement-contact-none = This copy of the site has no contact address set. Please ask the clinic or the person who gave you its address.
statement-contact-what = Say which page it was and what went wrong, or which format you need.
statement-checked-heading = When we last checked
statement-checked-before = We last checked the whole site on
statement-checked-after = . We check it again each time a page is reviewed.
# Said by screen readers after a word's link to the word list.
glossary-term-note = word list
# issue 24: reliability after an outside attack

error-length-required-heading = Your answers came in a way we do not read
error-length-required-message = Your answers were sent in pieces, without their size. Please use the symptom check form.
error-too-many-requests-heading = Too many requests
error-too-many-requests-message = We had many requests from your connection in a short time. Please wait a minute, then try again.
error-precondition-failed-heading = This page has changed
error-precondition-failed-message = Your browser asked for a copy of this page that we no longer have. Please load the page again.
error-expectation-failed-heading = We could not handle this request
error-expectation-failed-message = Your browser asked for something we do not support. Please try again, or use another browser.
error-not-found-json = Not found: there is no endpoint at this path.
error-api-only-json = Method not allowed: send a POST request with a JSON body (see the Allow header).
error-too-large-json = Request body too large: the limit is 16 KiB.
error-not-json-json = Unsupported media type: send the body as application/json, with no Content-Encoding.
error-unreadable-json = The request body did not arrive in full.
error-length-required-json = Length required: send the body with a Content-Length header, not in chunks.
error-timeout-json = Request timeout: the request body did not arrive in time.
error-uri-too-long-json = URI too long: the path and query may be 2048 bytes at most.
error-headers-too-large-json = Request headers too large: they may be 8 KiB at most.
error-internal-json = Internal error: the request was not processed. Try again later.
error-too-many-requests-json = Too many requests from this client: wait the number of seconds in the Retry-After header, then try again.
error-precondition-failed-json = Precondition failed: If-Match matches no current representation of this resource.
error-expectation-failed-json = Expectation failed: the only Expect value supported is 100-continue.
# issue 20: search

## The search box in every header, and the search page (/search)

search-label = Search this site
search-button = Search
search-page-title = Search
search-results-title = Search results
search-page-description = Search the guide to leg pain at night in your own words.
search-heading = Search this guide
search-hint = Type what you feel or a word you heard, for example "cramp in my calf" or "restless legs".
search-results-heading = Results
search-results-intro = The best matches come first.
search-no-results-heading = No results
search-no-results = We could not find a section for that search. Try other words, or fewer of them.
search-did-you-mean = Did you mean
search-did-you-mean-end = ?
search-ways-on-heading = Other ways to find what you need
search-ways-on-check = Use the symptom check
search-ways-on-check-hint = It asks a few questions and tells you how soon to get help.
search-ways-on-guide = Read the guide:
search-more-help = Not what you need?
search-more-or = or
search-more-guide = read the guide from the start
search-emergency-call = Call { $number } now
search-emergency-why = Swelling, redness, warmth or soreness in one leg can be a sign of a blood clot in a deep vein (DVT), which can travel to your lungs. Shortness of breath (new, or more than usual for you) or chest pain can mean that a clot has travelled to your lungs, or another serious problem.
search-emergency-more = Read when to get help now
search-api-unknown-lang = Send lang as one of { $values }
# Words in a search that name a warning sign: the emergency card comes before
# the results. One phrase a line; a phrase matches when all its words are in
# the search, in any order, small typing mistakes forgiven.
search-emergency-words =
    clot
    thrombosis
    DVT
    embolism
    swollen
    swelling
    red leg
    red calf
    red thigh
    redness
    hot leg
    warm to touch
    chest
    short of breath
    shortness of breath
    out of breath
    breathless
    can't breathe
    cannot breathe
    trouble breathing
    hard to breathe
    difficulty breathing

# Issue 23: list punctuation from the strings, not the code.
# One answer with its hint, in the summary of answers: "Days ago (it started this week)".
summary-answer-with-hint = { $answer } ({ $hint })
# The hints of single-choice answers as the summary of answers writes them,
# after the answer in brackets: "Days ago (within the last week)".
q-onset-days-summary-hint = within the last week
q-onset-weeks-summary-hint = one to four weeks ago
q-onset-months-summary-hint = more than a month ago
q-frequency-occasional-summary-hint = now and then, not most nights
q-sleep_impact-a_lot-summary-hint = it gets in the way of your sleep or daily activities a lot
# Each source's title, in the source's own language (English) on every page.
source-000-title = Understanding Aching Legs at Night: Causes and Relief
source-001-title = What Causes Leg Pain at Night When Lying Down?
# Each question as it reads inside a sentence (the form's "answer this" messages).
q-one_leg_signs-in-sentence = is one of your legs swollen, red, warm or sore to touch?
q-breathless-in-sentence = are you short of breath (new, or more than usual for you), or do you have chest pain?
q-numbness-in-sentence = do you have numbness, tingling or weakness in your leg or foot?
q-skin_changes-in-sentence = has the skin on your leg or foot changed?
q-injury-in-sentence = did the pain start after an injury to your leg?
q-severity-in-sentence = how bad is the pain?
q-onset-in-sentence = when did the pain start?
q-frequency-in-sentence = how often do you get the pain?
q-course-in-sentence = over the last few days, how has the pain changed?
q-sleep_impact-in-sentence = how much does the pain affect your sleep or daily life?
q-home_care-in-sentence = have you tried home care for a few days?
q-feelings-in-sentence = what does the pain feel like?
q-conditions-in-sentence = do you have any of these health problems?
q-factors-in-sentence = do any of these apply to you?
